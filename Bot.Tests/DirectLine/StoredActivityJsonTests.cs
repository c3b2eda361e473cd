using CampaignBot.Bots.Cards;
using CampaignBot.Chat.Replies;
using CampaignBot.DirectLine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace CampaignBot.Tests.DirectLine;

/// <summary>What the channel stores is byte for byte what the SDK's own serialiser writes (compact), only cheaper.</summary>
public sealed class StoredActivityJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 4, 0, 0, TimeSpan.Zero);

    private static Activity Addressed(IMessageActivity message)
    {
        var activity = (Activity)message;
        activity.Id = "dl1|x";
        activity.Timestamp = At;
        activity.ChannelId = "directline";
        activity.Conversation = new ConversationAccount(id: "dl1");
        activity.From = new ChannelAccount("campaignbot", "督办助手", RoleTypes.Bot);
        activity.Recipient = new ChannelAccount("sample-zonghe", "张伟", RoleTypes.User);
        return activity;
    }

    private static string AsTheSdkWritesIt(Activity activity) =>
        JsonConvert.SerializeObject(activity, Formatting.None, HttpHelper.BotMessageSerializerSettings);

    public static TheoryData<string> Replies => ["card", "text", "hero", "picture"];

    [Theory]
    [MemberData(nameof(Replies))]
    public void AnActivity_IsStoredAsTheSdkWritesIt(string kind)
    {
        var items = Enumerable.Range(1, 5).Select(i => new ReplyItem($"T0{i} 标题 \"引号\" \\ <b>[驳回](https://evil.example)</b>", [new ReplyAction("完成", $"完成 T0{i}")])
        {
            Code = $"T0{i}", Office = "综合组（配合：人事科）", Due = "12月5日 周五", State = new ReplyState("逾期 3 天", ReplyTone.Attention),
        }).ToList();
        var reply = new ChatReply("本周到期（综合组）：5 项") { Items = items, Suggestions = [new ReplyAction("逾期", "逾期")] };
        var activity = kind switch
        {
            "card" => Addressed(AdaptiveCardRenderer.Instance.Render(reply, "directline")),
            "text" => Addressed(AdaptiveCardRenderer.Instance.Render(reply, "test")),
            "hero" => Addressed(MessageFactory.Attachment(new HeroCard("标题", text: "正文", buttons: [new CardAction(ActionTypes.ImBack, "完成", value: "完成 T01")]).ToAttachment())),
            _ => Addressed(MessageFactory.Attachment(new Attachment("image/png", "data:image/png;base64,iVBORw0KGgo=", name: "chart.png"))),
        };

        Assert.Equal(AsTheSdkWritesIt(activity), StoredActivityJson.Serialize(activity));
    }
}
