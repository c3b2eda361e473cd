using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Operator;

[Needs(Needs.Host)]
public class ReminderVerbsTests : IAsyncLifetime
{
    private FakeConnector connector = null!;
    private BotServices services = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        services = await BotServices.CreateAsync(new AnchoredTimeProvider(TestClock.Start.AddHours(2)));
        await services.Database.BindChatAsync("zonghe-chat", connector.ServiceUrl, office: "综合组");
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connector.DisposeAsync();
    }

    private Task<(int Code, string Output)> RunAsync(params string[] args) => OperatorRun.RunAsync(services.Provider, args);

    [Fact]
    public async Task Preview_ListsTheSendTimesRemindersPerChatAndSendsNothing()
    {
        var (code, output) = await RunAsync("reminders", "preview", "--at", "2026-06-15T09:00+08:00");

        Assert.Equal(0, code);
        Assert.Contains("send time 2026-06-15 Mon 09:00 +08:00 (Asia/Shanghai): 3 reminder(s) to 1 chat(s)", output);
        Assert.Contains("bf:msteams:zonghe-chat", output);
        Assert.Contains("due-0        T013", output);
        Assert.Contains("due-7        T017", output);
        Assert.Equal(0, connector.Requests);
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_message"));
    }

    [Fact]
    public async Task Preview_MomentWithoutOffset_IsTheCampaignsLocalTime()
    {
        var (_, output) = await RunAsync("reminders", "preview", "--at", "2026-06-15T08:59");

        Assert.Contains("send time 2026-06-12 Fri 09:00 +08:00", output);
    }

    [Fact]
    public async Task Run_Twice_SendsOnce()
    {
        var first = await RunAsync("reminders", "run", "--at", "2026-06-15T09:00+08:00");
        var second = await RunAsync("reminders", "run", "--at", "2026-06-15T09:00+08:00");

        Assert.Equal(0, first.Code);
        Assert.Contains("3 new reminder(s)", first.Output);
        Assert.Contains("messages sent 1,", first.Output);
        Assert.Contains("0 new reminder(s)", second.Output);
        Assert.Contains("messages sent 0,", second.Output);
        Assert.Single(connector.To("zonghe-chat"));
    }

    [Fact]
    public async Task WorkdaysLoad_GoodFile_ChangesWhenRemindersGo()
    {
        // Declaring Monday 15 June a holiday: nothing goes out that day.
        var path = Path.Combine(services.Database.Folder, "calendar.csv");
        await File.WriteAllTextAsync(path, "日期,类型,名称\n2026-06-15,休,测试假日\n2026-06-13,班,测试调休\n");

        var (code, output) = await RunAsync("workdays", "load", path);
        var preview = await RunAsync("reminders", "preview", "--at", "2026-06-15T10:00+08:00");

        Assert.Equal(0, code);
        Assert.Contains("1 天休息，1 天调休上班", output);
        Assert.Contains("send time 2026-06-13 Sat 09:00", preview.Output);
    }

    [Fact]
    public async Task WorkdaysLoad_BadRows_ReportsEachAndWritesNothing()
    {
        var path = Path.Combine(services.Database.Folder, "calendar.csv");
        await File.WriteAllTextAsync(path, "日期,类型,名称\n2026-10-01,休,国庆节\n2026-02-30,休,不存在\n2026-10-02,假,类型错\n2026-10-01,班,重复\n");

        var (code, output) = await RunAsync("workdays", "load", path);

        Assert.Equal(1, code);
        Assert.Contains("第 3 行: 日期「2026-02-30」不存在", output);
        Assert.Contains("第 4 行: 类型「假」应为「休」或「班」", output);
        Assert.Contains("第 5 行: 日期 2026-10-01 与第 2 行重复", output);
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM workday"));
    }
}
