using CampaignBot.Chat;
using CampaignBot.Chat.Replies;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Telemetry;
using CampaignBot.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Telemetry;

/// <summary>
/// Where the bot decides, it counts: the reading of each message and a change taken back (the
/// router, 撤销), and each reminder's fate per kind once the outbox records it (sent, failed after
/// its retries, or its chat gone), through the real router, outbox and Bot Connector over HTTP.
/// </summary>
public sealed class CountingTests
{
    [Fact]
    public async Task Messages_ReadMissedAndUndone_AreCountedWithTheirChannel()
    {
        await using var services = await BotServices.CreateAsync(new AnchoredTimeProvider(TestClock.Start.AddDays(3)));
        using var recording = new MeterRecording(services.Get<CampaignMetrics>().Meter);
        Task<ChatReply> SayAsync(string text) =>
            services.Get<ChatCommandRouter>().HandleAsync(new ChatRequest(text, "sample-coordinator", "msteams", "dm-coordinator", false, [], null), CancellationToken.None);

        var handed = await SayAsync("T017 转给研究室吧");
        await SayAsync(Assert.Single(handed.Suggestions, s => s.Title == "撤销 T017").Value);
        await SayAsync("qwzx plovk");

        Assert.True(recording["campaignbot.understanding channel=msteams outcome=understood"] == 2, recording.ToString());
        Assert.Equal(1, recording["campaignbot.understanding channel=msteams outcome=undone"]);
        Assert.Equal(1, recording["campaignbot.understanding channel=msteams outcome=missed"]);
    }

    [Fact]
    [Needs(Needs.Host)]
    public async Task Reminders_SentFailedAndGone_AreCountedPerKindOnceRecorded()
    {
        await using var chats = await MondayMorningChats.StartAsync(
            new Dictionary<string, string?>
            {
                ["Reminders:MaxAttempts"] = "2",
                ["Reminders:RetryBaseDelayMilliseconds"] = "10",
                ["Reminders:PerChatMessagesPerMinute"] = "0",
            },
            ("zonghe-chat", "综合组"), ("cailiao-chat", "材料组"), ("leaders-chat", "领导小组办公室"));
        using var recording = new MeterRecording(chats.Services.Get<CampaignMetrics>().Meter);
        // 综合组's chat fails every time; 材料组's has removed the bot; the leaders' takes everything.
        chats.Connector.Answer = (conversation, _) => conversation switch
        {
            "zonghe-chat" => Results.StatusCode(StatusCodes.Status500InternalServerError),
            "cailiao-chat" => Results.NotFound(),
            _ => null,
        };

        var run = await chats.Services.Get<ReminderCycle>().RunAsync(MondayMorningChats.Now, CancellationToken.None);

        // The third sent is the notice that 材料组's chat is gone, to the coordinators (the leaders' chat).
        Assert.Equal(new(3, 1, 0, 1), run.Dispatch);
        // The sample's Monday: 综合组 has 3 tasks due; 材料组 T011 and T012 overdue and T013 due; the
        // leaders T012 overdue, and the report. Each reminder counts, not each message.
        Assert.True(recording["campaignbot.reminders.planned kind=due"] == 4, recording.ToString());
        Assert.Equal(3, recording["campaignbot.reminders.planned kind=overdue"]);
        Assert.Equal(1, recording["campaignbot.reminders.planned kind=report"]);
        Assert.Equal(3, recording["campaignbot.reminders.failed kind=due reason=error"]);
        Assert.Equal(1, recording["campaignbot.reminders.failed kind=due reason=gone"]);
        Assert.Equal(2, recording["campaignbot.reminders.failed kind=overdue reason=gone"]);
        Assert.Equal(1, recording["campaignbot.reminders.sent kind=overdue"]);
        Assert.Equal(1, recording["campaignbot.reminders.sent kind=report"]);
        Assert.Equal(1, recording["campaignbot.reminders.sent kind=notice"]);
        Assert.Equal(0, recording["campaignbot.reminders.sent kind=due"]);
        Assert.True(recording["campaignbot.reminders.unreached kind=due"] > 0, recording.ToString());
    }
}
