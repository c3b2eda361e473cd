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
    public async Task Report_WritesTheWeeklyReportsTextAndChartToAFolder()
    {
        // Before: no verb showed the report; a leader could only wait for Monday's message.
        var folder = Path.Combine(services.Database.Folder, "reports");

        var (code, output) = await RunAsync("report", folder);

        Assert.Equal(0, code);
        var text = await File.ReadAllTextAsync(Path.Combine(folder, "通报-2026-06-15.txt"));
        Assert.StartsWith("【通报】创建工作进展（6月15日 周一）：完成 ", text);
        Assert.Contains("逾期任务 ", text);
        var (width, height, colours) = PngCheck.Inspect(await File.ReadAllBytesAsync(Path.Combine(folder, "通报-2026-06-15.png")));
        Assert.True(width > 300 && height > 200 && colours > 3, $"{width}x{height}, {colours} colours");
        Assert.Equal($"每周通报已写入：{Path.Combine(folder, "通报-2026-06-15.txt")}，图表：{Path.Combine(folder, "通报-2026-06-15.png")}", output.TrimEnd());
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
        Assert.Contains("未执行：没有找到文件 /nonexistent/", output);
    }

    [Needs(Needs.Process)]
    [Fact]
    public async Task Help_OnTheProgram_PrintsTheVerbsAndDoesNotStartTheBot()
    {
        // Before: `dotnet run --project Bot -- --help` started the bot with its start-up reminder run.
        await using var database = await TestDatabase.CreateAsync(seedSample: false);
        var fresh = Path.Combine(database.Folder, "never-created", "ledger.db");
        using var process = BotProcess.Start(database, ["--help"], new Dictionary<string, string> { ["Storage__DatabasePath"] = fresh });

        var (code, output) = await BotProcess.RunToEndAsync(process).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, code);
        foreach (var verb in new[] { "import", "export", "workdays", "reminders", "sample" })
        {
            Assert.Contains(verb, output);
        }

        Assert.DoesNotContain("Now listening", output);
        Assert.False(File.Exists(fresh), "the bot's start-up would have created the ledger");
    }

    [Theory]
    [InlineData("--create-missing", "import", "--help")]
    [InlineData("<ledger>", "export", "--help")]
    [InlineData("<calendar>", "workdays", "load", "--help")]
    [InlineData("--at <moment>", "reminders", "preview", "--help")]
    [InlineData("--at <moment>", "reminders", "run", "-h")]
    [InlineData("remove", "sample", "--help")]
    [InlineData("<folder>", "report", "--help")]
    public async Task Help_OnEachVerb_DescribesItsArgumentsAndOptions(string expected, params string[] args)
    {
        // Before: `import --help` looked for a file named --help.
        var (code, output) = await RunAsync(args);

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("no file at", output);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("import", "--create-missing")]
    [InlineData("import", "plan.csv", "--create-missin")]
    [InlineData("reminders", "preview", "--at", "2026-13-01")]
    public async Task WrongArguments_SayWhatIsWrongAndExitTwo(params string[] args)
    {
        var (code, output) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith("usage:", output);
        Assert.Contains("--help` says more.", output);
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(37, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM task"));
    }

    [Theory]
    [InlineData("plan.docx", "import 未执行：不支持的文件类型「.docx」")]
    [InlineData("plan.xlsx", "import 未执行：")]
    public async Task Import_AFileThatIsNoPlan_IsRefusedInOneLineWithExitOne(string name, string expected)
    {
        var path = Path.Combine(services.Database.Folder, name);
        await File.WriteAllBytesAsync(path, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02]);

        var (code, output) = await RunAsync("import", path);

        Assert.Equal(1, code);
        Assert.StartsWith(expected, output);
        Assert.Single(output.TrimEnd().Split('\n'));
    }

    [Fact]
    public void IsVerb_HelpAndWordsGoToTheCommandLineAndHostSettingsStartTheBot()
    {
        Assert.True(CampaignBot.Operator.OperatorVerbs.IsVerb(["--help"]));
        Assert.True(CampaignBot.Operator.OperatorVerbs.IsVerb(["-h"]));
        Assert.True(CampaignBot.Operator.OperatorVerbs.IsVerb(["import", "plan.csv"]));
        Assert.True(CampaignBot.Operator.OperatorVerbs.IsVerb(["imprt"]));
        Assert.False(CampaignBot.Operator.OperatorVerbs.IsVerb([]));
        Assert.False(CampaignBot.Operator.OperatorVerbs.IsVerb(["--urls", "http://localhost:5000"]));
    }
}
