using CampaignBot.Tests.Plans;
using CampaignBot.Tests.Support;
using Dapper;
using static CampaignBot.Tests.Plans.PlanFiles;

namespace CampaignBot.Tests.Operator;

public class OperatorVerbsTests : IAsyncLifetime
{
    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    private Task<(int Code, string Output)> RunAsync(params string[] args) => OperatorRun.RunAsync(services.Provider, args);

    [Fact]
    public async Task Import_BadFile_ExitsOneAndListsRows()
    {
        var path = Xlsx(services.Database.Folder, [Task("E1", "x", "不存在的单位", "2026-07-01"), Task("E2", "y", "综合组", "2026-04-31")]);

        var (code, output) = await RunAsync("import", path);

        Assert.Equal(1, code);
        Assert.Contains("导入未执行：2 处错误，台账未做任何修改。", output);
        Assert.Contains("任务 第 2 行: 未知牵头单位「不存在的单位」", output);
        Assert.Contains("任务 第 3 行: 截止日期「2026-04-31」不存在", output);
    }

    [Fact]
    public async Task Import_GoodFile_ExitsZeroAndSaysWhatChanged()
    {
        var path = Xlsx(services.Database.Folder, [Task("F1", "新任务", "综合组", "2026-07-01"), Task("T001", "改名", "机关党委", "2026-07-01")]);

        var (code, output) = await RunAsync("import", path);

        Assert.Equal(0, code);
        Assert.Contains("新增任务 1，更新任务 1", output);
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal("done", await connection.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T001'"));
    }

    [Fact]
    public async Task Export_WritesFile()
    {
        var path = Path.Combine(services.Database.Folder, "out", "ledger.xlsx");

        var (code, output) = await RunAsync("export", path);

        Assert.Equal(0, code);
        Assert.Contains("导出完成：37 项任务", output);
        Assert.True(new FileInfo(path).Length > 1000);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "a.xlsx", "b.xlsx")]
    [InlineData("reminders", "run", "--at")]
    [InlineData("reminders", "run", "--at", "next tuesday")]
    [InlineData("reminders", "send")]
    [InlineData("workdays", "load")]
    public async Task WrongArguments_ExitTwoWithUsage(params string[] args)
    {
        var (code, output) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith("usage:", output);
    }

    [Theory]
    [InlineData("import", "/nonexistent/plan.xlsx")]
    [InlineData("workdays", "load", "/nonexistent/calendar.csv")]
    public async Task MissingFile_ExitsOne(params string[] args)
    {
        var (code, output) = await RunAsync(args);

        Assert.Equal(1, code);
        Assert.Contains("failed: no file at /nonexistent/", output);
    }
}
