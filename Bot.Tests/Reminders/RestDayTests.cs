using CampaignBot.Reminders;
using CampaignBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// Issue 22, point 9: 过两天再提醒我 said on a Thursday landed on a Saturday. A snooze, and a deadline
/// asked for, that fall on a rest day (a weekend, or a holiday of the ledger's calendar: 19–21 June
/// 2026 is 端午) move to the next workday, and the reply says so. Thursday 18 June 2026, 09:30 in
/// Shanghai; Quartz's persistent store is real, its scheduler not started (nothing fires).
/// </summary>
public sealed class RestDayTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ThursdayMorning = new(2026, 6, 18, 1, 30, 0, TimeSpan.Zero);

    private readonly string folder = TestDatabase.NewFolder();
    private readonly string schedulerName = "rest-days-" + Guid.NewGuid().ToString("N");
    private BotServices services = null!;

    public async Task InitializeAsync()
    {
        services = await BotServices.CreateAsync(new AnchoredTimeProvider(ThursdayMorning), new Dictionary<string, string?>
        {
            ["Reminders:Enabled"] = "true",
            ["Reminders:SchedulerName"] = schedulerName,
            ["Storage:SchedulerDatabasePath"] = Path.Combine(folder, "scheduler.db"),
        });
        // The shipped holidays, as the bot loads them at start-up.
        Assert.True(await services.Get<OfficialCalendar>().SyncAsync(CancellationToken.None) > 0);
    }

    public async Task DisposeAsync()
    {
        await Scheduler.Shutdown();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private IScheduler Scheduler => services.Provider.GetRequiredKeyedService<IScheduler>(schedulerName);

    private Task<string> SayAsync(string text) => services.ReplyTextAsync("sample-zonghe", text, conversationId: "dm-zhang");

    [Theory]
    [InlineData("T014 过两天再提醒我", "好的，6月22日 周一 09:00 在这里再提醒 T014。（6月20日 周六不是工作日，顺延到下一个工作日）")]
    [InlineData("T014 明天再提醒我", "好的，6月22日 周一 09:00 在这里再提醒 T014。（6月19日 周五不是工作日，顺延到下一个工作日）")]
    [InlineData("remind me about T014 in 2 days", "OK: I'll remind this chat about T014 on Mon 22 Jun at 09:00. (Sat 20 Jun is not a workday, so the next workday.)")]
    public async Task ASnoozeOnARestDay_MovesToTheNextWorkday_AndTheReplySaysSo(string text, string expected)
    {
        Assert.Equal(expected, await SayAsync(text));

        Assert.Equal(1, await services.Database.CountAsync("SELECT count(*) FROM snooze WHERE day = '2026-06-22'"));
        var scheduler = Scheduler;
        var key = Assert.Single(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Snoozes.Group)));
        Assert.Equal(services.Get<Snoozes>().FireAt(new DateOnly(2026, 6, 22)), (await scheduler.GetTrigger(key))!.NextFireTimeUtc);
    }

    [Fact]
    public async Task ASnoozeOnAWorkday_StaysThere()
    {
        Assert.Equal("好的，6月23日 周二 09:00 在这里再提醒 T014。", await SayAsync("T014 下周二再提醒我"));
        Assert.Equal(1, await services.Database.CountAsync("SELECT count(*) FROM snooze WHERE day = '2026-06-23'"));
    }

    [Theory]
    [InlineData("申请延期 T014 到 6月20日 理由：端午", "已提交延期申请 #1：T014 截止日期 6月19日 周五 → 6月22日 周一（6月20日 周六不是工作日，顺延到下一个工作日），等待协调员审批。")]
    [InlineData("申请延期 T014 到 6月29日", "已提交延期申请 #1：T014 截止日期 6月19日 周五 → 6月29日 周一，等待协调员审批。")]
    public async Task AnExtensionToARestDay_AsksForTheNextWorkday(string text, string expected)
    {
        Assert.StartsWith(expected, await SayAsync(text));

        var asked = expected.Contains("6月22日", StringComparison.Ordinal) ? "2026-06-22" : "2026-06-29";
        Assert.Equal(1, await services.Database.CountAsync($"SELECT count(*) FROM extension_request WHERE new_due_on = '{asked}'"));
    }
}
