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
/// 稍后提醒 in the real host with Quartz's persistent SQLite store: the snooze is a one-off trigger
/// that outlives the process, and when it fires the task's reminder reaches the chat that asked.
/// Quartz keeps real time, so this host runs on the system clock.
/// </summary>
public sealed class SnoozeTests : IAsyncLifetime
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

    [Fact]
    public async Task ASnooze_SurvivesARestart_AndFiresTheReminderInTheChatThatAsked()
    {
        DateTimeOffset expectedFire;
        await using (var first = Host())
        {
            using var client = first.CreateClient();
            // A Teams-like chat whose replies (and later the reminder) go to the fake connector.
            var activity = Activities.Message("sample-zonghe", "稍后提醒 T014 明天", "msteams", "snooze-chat", isGroup: false);
            activity["serviceUrl"] = connector.ServiceUrl;
            activity.Remove("deliveryMode");
            (await client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();

            var reply = Assert.Single(connector.To("snooze-chat"));
            Assert.StartsWith("好的，", reply["text"]!.GetValue<string>());
            Assert.Contains("再提醒 T014", reply["text"]!.GetValue<string>());
            var snoozes = first.Services.GetRequiredService<Snoozes>();
            var clock = first.Services.GetRequiredService<CampaignBot.Scheduling.Time.CampaignClock>();
            expectedFire = snoozes.FireAt(clock.Today.AddDays(1));
        }

        await using var second = Host();
        _ = second.Services; // starts the host: Quartz loads its store
        var scheduler = second.Services.GetRequiredKeyedService<IScheduler>(schedulerName);
        var key = Assert.Single(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Snoozes.Group)));
        var trigger = (await scheduler.GetTrigger(key))!;
        Assert.Equal(expectedFire, trigger.NextFireTimeUtc);

        // Rather than wait for tomorrow 09:00: the same stored job, fired now.
        await scheduler.RescheduleJob(key, TriggerBuilder.Create().WithIdentity(key).ForJob(trigger.JobKey).StartNow().Build());
        var watch = Stopwatch.StartNew();
        while (connector.To("snooze-chat").Count < 2 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }

        var reminder = connector.To("snooze-chat").Skip(1).Single();
        Assert.StartsWith("【到期提醒】", reminder["text"]!.GetValue<string>());
        Assert.StartsWith("T014", reminder["attachments"]![0]!["content"]!["title"]!.GetValue<string>());
        // A one-off: once its job has run, Quartz removes the trigger.
        while ((await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Snoozes.Group))).Count > 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.Empty(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Snoozes.Group)));
    }
}
