using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Tests.Reminders;

/// <summary>Quartz inside the real host, with its persistent store on SQLite.</summary>
[Needs(Needs.Host)]
public class SchedulerTests
{
    [Fact]
    public async Task HostStartingAfterAMissedSendTime_SendsWithinAMinuteAndKeepsTheDailyTrigger()
    {
        // The service comes up at 10:00 on Monday 15 June; the 09:00 send time passed while it was down.
        var time = TestClock.Create();
        time.Advance(TimeSpan.FromHours(1));
        await using var database = await TestDatabase.CreateAsync(time: time);
        await using var connector = await FakeConnector.StartAsync();
        await database.BindChatAsync("zonghe-chat", connector.ServiceUrl, office: "综合组");
        var schedulerFile = Path.Combine(database.Folder, "scheduler.db");
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = database.Path,
            ["Storage:SchedulerDatabasePath"] = schedulerFile,
            ["Reminders:Enabled"] = "true",
        }, time);

        bot.CreateClient();
        // Quartz's start-up run sends at once: wait for that delivery, not for the clock (a minute at most, as the name says).
        await connector.FirstDelivery.WaitAsync(TimeSpan.FromSeconds(60));

        var message = Assert.Single(connector.To("zonghe-chat"));
        Assert.StartsWith("【到期提醒】综合组", message["text"]!.GetValue<string>());
        await using var quartz = new SqliteConnection($"Data Source={schedulerFile}");
        await quartz.OpenAsync();
        var trigger = await quartz.QuerySingleAsync<(string Cron, string Zone, long Misfire)>(
            "SELECT c.cron_expression, c.time_zone_id, t.misfire_instr FROM qrtz_triggers t JOIN qrtz_cron_triggers c ON c.trigger_name = t.trigger_name WHERE t.trigger_name = 'reminders-daily'");
        Assert.Equal(("0 0 9 ? * *", "Asia/Shanghai", 1L), trigger);
    }
}
