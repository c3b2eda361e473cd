using CampaignBot.Chat.Replies;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Tests.Support;
using Microsoft.Bot.Schema;

namespace CampaignBot.Tests.Chat;

/// <summary>
/// Issue 22, point 2: the leader asked for the weekly report and got "没太明白". 本周通报 (this week's
/// report) from a leader or a coordinator answers with the report the Monday send carries, chart
/// included; anyone else is told who may ask, and what to ask instead.
/// </summary>
public sealed class WeeklyReportOnDemandTests : IAsyncLifetime
{
    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static byte[] Png(IMessageActivity reply)
    {
        var picture = Assert.Single(reply.Attachments);
        Assert.Equal("image/png", picture.ContentType);
        Assert.StartsWith("data:image/png;base64,", picture.ContentUrl);
        return Convert.FromBase64String(picture.ContentUrl["data:image/png;base64,".Length..]);
    }

    [Theory]
    [InlineData("sample-leader", "本周通报", "【通报】创建工作进展（6月15日 周一）：完成 10/37，逾期 3 项")]
    [InlineData("sample-leader", "把这周的通报发我看看", "【通报】创建工作进展（6月15日 周一）：完成 10/37，逾期 3 项")]
    [InlineData("sample-coordinator", "this week's report", "Weekly progress report (Mon 15 Jun): 10/37 done, 3 overdue")]
    public async Task ALeaderOrCoordinator_GetsTheReport_WithItsChart(string account, string text, string title)
    {
        await services.Flow(account, channelId: "webchat")
            .Send(text)
            .AssertReply(r =>
            {
                var reply = (IMessageActivity)r;
                Assert.StartsWith(title + "\n", reply.Text);
                var (width, height, colours) = PngCheck.Inspect(Png(reply));
                Assert.Equal(900, width);
                Assert.True(height > 300, $"{height} px high for 9 offices");
                Assert.True(colours > 20);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("sample-zonghe", "本周通报", "本周通报只发给领导和领导小组办公室的协调员。发送「进度」可以查看各单位的完成情况。")]
    [InlineData("stranger", "weekly report", "This week's report is for leaders and coordinators (领导小组办公室). Send \"progress\" to see each office's progress.")]
    public async Task AnyoneElse_IsToldWhoMayAsk_AndGetsNoReport(string account, string text, string refusal)
    {
        await services.Flow(account, channelId: "webchat")
            .Send(text)
            .AssertReply(r =>
            {
                Assert.Equal(refusal, ((IMessageActivity)r).Text);
                Assert.Empty(((IMessageActivity)r).Attachments ?? []);
            })
            .StartTestAsync();
    }

    /// <summary>The same report as Monday's send to the leaders' chat: the same words, the same chart.</summary>
    [Fact]
    [Needs(Needs.Host)]
    public async Task TheReportAskedFor_IsTheMondayReport()
    {
        await using var chats = await MondayMorningChats.StartAsync(
            new Dictionary<string, string?> { ["Reminders:PerChatMessagesPerMinute"] = "0" }, ("leaders-chat", "领导小组办公室"));
        await chats.Services.Get<ReminderCycle>().RunAsync(MondayMorningChats.Now, CancellationToken.None);
        var sent = Assert.Single(chats.Connector.To("leaders-chat"), a => MondayMorningChats.Text(a).StartsWith("【通报】", StringComparison.Ordinal));

        var asked = await chats.SayAsync("sample-leader", "本周通报", "leaders-chat");

        Assert.Equal(MondayMorningChats.Text(sent), ReplyRenderer.PlainText(asked));
        Assert.Equal(sent["attachments"]![0]!["contentUrl"]!.GetValue<string>(), asked.Picture!.DataUrl);
    }
}
