using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Reminders;
using CampaignBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// Plan changes in the real host with reminders on (Quartz and its persistent SQLite store): a
/// snooze is a one-off trigger that outlives the process and, when it fires, brings the task's
/// reminder to the chat that asked; an extension request reaches the coordinators' chat at once.
/// Quartz keeps real time, so these hosts run on the system clock.
/// </summary>
[Needs(Needs.Host)]
public sealed class PlanChangesInHostTests : IAsyncLifetime
{
    private readonly string folder = TestDatabase.NewFolder();
    private readonly string schedulerName = "snooze-tests-" + Guid.NewGuid().ToString("N");
    private FakeConnector connector = null!;

    public async Task InitializeAsync() => connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Two hosts in turn on the same ledger and Quartz store, as a restart has.</summary>
    private BotApplication Host() => new(new Dictionary<string, string?>
    {
        ["Storage:DatabasePath"] = Path.Combine(folder, "ledger.db"),
        ["Storage:SchedulerDatabasePath"] = Path.Combine(folder, "scheduler.db"),
        ["Reminders:Enabled"] = "true",
        ["Reminders:SchedulerName"] = schedulerName,
    }, TimeProvider.System);

    /// <summary>Posts a message as a Teams-like chat whose replies go to the fake connector.</summary>
    private async Task SayAsync(HttpClient client, string account, string text, string chat, bool isGroup)
    {
        var activity = Activities.Message(account, text, "msteams", chat, isGroup);
        activity["serviceUrl"] = connector.ServiceUrl;
        activity.Remove("deliveryMode");
        (await client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
    }

    private async Task<IReadOnlyList<JsonNode>> WaitForAsync(string chat, Func<JsonNode, bool> wanted)
    {
        var watch = Stopwatch.StartNew();
        while (!connector.To(chat).Any(wanted) && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }

        return connector.To(chat).Where(wanted).ToList();
    }

    [Fact]
    public async Task AnExtensionRequest_ReachesTheCoordinatorsChat_WithoutWaitingForTheNextRun()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        await SayAsync(client, "sample-coordinator", "本群绑定 领导小组办公室", "leaders-chat", isGroup: true);
        var later = host.Services.GetRequiredService<CampaignBot.Scheduling.Time.CampaignClock>().Today.AddDays(40);

        await SayAsync(client, "sample-zonghe", $"申请延期 T014 到 {later:yyyy-MM-dd} 理由：志愿者调整", "zonghe-1on1", isGroup: false);

        var request = Assert.Single(await WaitForAsync("leaders-chat", a => a["text"]?.GetValue<string>().StartsWith("【延期申请】", StringComparison.Ordinal) == true));
        Assert.Equal(2, CardBlock.Of(request)[0].Buttons.Count);
    }

    [Fact]
    public async Task SnoozingAgain_ReplacesTheChatsPendingSnooze_AndTheReplacedOneSendsNothing()
    {
        // Before: each 稍后提醒 added a trigger, several per task and chat.
        await using var host = Host();
        using var client = host.CreateClient();
        await SayAsync(client, "sample-zonghe", "稍后提醒 T014 明天", "snooze-chat", isGroup: false);
        await SayAsync(client, "sample-zonghe", "稍后提醒 T014 10天后", "snooze-chat", isGroup: false);
        await SayAsync(client, "sample-zonghe-lead", "稍后提醒 T014 明天", "other-chat", isGroup: false);

        var snoozes = host.Services.GetRequiredService<Snoozes>();
        var today = host.Services.GetRequiredService<CampaignBot.Scheduling.Time.CampaignClock>().Today;
        // The chat is the person's own (issue 22), so a notice may land between the two replies: find the reply, not its place.
        Assert.Contains(connector.To("snooze-chat"), a => a["text"]?.GetValue<string>().Contains("取代之前设定的", StringComparison.Ordinal) == true);
        var scheduler = host.Services.GetRequiredKeyedService<IScheduler>(schedulerName);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Snoozes.Group));
        Assert.Equal(2, keys.Count);
        var fires = new List<DateTimeOffset?>();
        foreach (var key in keys)
        {
            fires.Add((await scheduler.GetTrigger(key))!.NextFireTimeUtc);
        }

        // On the system clock: a day that is not a workday moves to the next one (no holiday is nine days long).
        var tomorrow = await snoozes.WorkdayOnOrAfterAsync(today.AddDays(1), CancellationToken.None);
        Assert.Equal([snoozes.FireAt(tomorrow), snoozes.FireAt(await snoozes.WorkdayOnOrAfterAsync(today.AddDays(10), CancellationToken.None))], fires.Order());
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "ledger.db")}");
        var t014 = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT id FROM task WHERE code = 'T014'");
        Assert.Equal(0, await snoozes.SendAsync(new CampaignBot.Scheduling.Delivery.ChatTarget("msteams", "snooze-chat"), t014, tomorrow, CancellationToken.None));
    }

    [Fact]
    public async Task ASnooze_SurvivesARestart_AndFiresTheReminderInTheChatThatAsked()
    {
        DateTimeOffset expectedFire;
        await using (var first = Host())
        {
            using var client = first.CreateClient();
            await SayAsync(client, "sample-zonghe", "稍后提醒 T014 明天", "snooze-chat", isGroup: false);

            // The chat is the person's own (issue 22), so the start-up catch-up run may also land a
            // notice here, before or after the reply: find the reply, not its place.
            var reply = Assert.Single(connector.To("snooze-chat"), a => a["text"]?.GetValue<string>().StartsWith("好的，", StringComparison.Ordinal) == true);
            Assert.Contains("再提醒 T014", reply["text"]!.GetValue<string>());
            var snoozes = first.Services.GetRequiredService<Snoozes>();
            var clock = first.Services.GetRequiredService<CampaignBot.Scheduling.Time.CampaignClock>();
            expectedFire = snoozes.FireAt(await snoozes.WorkdayOnOrAfterAsync(clock.Today.AddDays(1), CancellationToken.None));
        }

        await using var second = Host();
        _ = second.Services; // starts the host: Quartz loads its store
        var scheduler = second.Services.GetRequiredKeyedService<IScheduler>(schedulerName);
        var key = Assert.Single(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Snoozes.Group)));
        var trigger = (await scheduler.GetTrigger(key))!;
        Assert.Equal(expectedFire, trigger.NextFireTimeUtc);

        // Rather than wait for tomorrow 09:00: the same stored job, fired now. A catch-up run may have
        // sent its own reminder here already, so the snooze's is the one that arrives after the firing.
        static bool IsReminder(JsonNode a) => a["text"]?.GetValue<string>().StartsWith("【到期提醒】", StringComparison.Ordinal) == true;
        var before = connector.To("snooze-chat").Count(IsReminder);
        await scheduler.RescheduleJob(key, TriggerBuilder.Create().WithIdentity(key).ForJob(trigger.JobKey).StartNow().Build());
        bool SnoozedReminderArrived() => connector.To("snooze-chat").Where(IsReminder).Skip(before)
            .Any(r => CardBlock.Of(r)[0].Title.StartsWith("T014", StringComparison.Ordinal));
        await Eventually.WaitAsync(SnoozedReminderArrived, TimeSpan.FromSeconds(20));
        // A one-off: once its job has run, Quartz removes the trigger.
        var watch = Stopwatch.StartNew();
        while ((await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Snoozes.Group))).Count > 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.Empty(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Snoozes.Group)));
    }
}
