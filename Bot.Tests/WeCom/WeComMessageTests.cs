using CampaignBot.WeCom;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Tests.WeCom;

/// <summary>WeCom's message and event bodies (doc/100719, doc/101027, the official SDK's types) as the bot reads them.</summary>
public class WeComMessageTests
{
    private static readonly WeComOptions Options = new() { BotId = "aibBot" };

    [Fact]
    public void GroupText_IsAGroupActivityFromTheUserid_WithoutTheBotsMention()
    {
        var message = WeComMessage.Parse("""
            {"msgid":"CAIQ16HMjQYY","aibotid":"aibBot","chatid":"wrkChat","chattype":"group","from":{"userid":"zhangwei"},
             "response_url":"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC","msgtype":"text","text":{"content":"@RobotA 本周到期"}}
            """)!;

        var activity = WeComActivity.From(message, Options);

        Assert.Equal(("wecom", "zhangwei", "wrkChat", true, "aibBot"), (activity.ChannelId, activity.From.Id, activity.Conversation.Id, activity.Conversation.IsGroup == true, activity.Recipient.Id));
        Assert.Equal("本周到期", activity.Text);
    }

    [Fact]
    public void OneToOneText_IsTheUsersConversation_AndKeepsALeadingAt()
    {
        var message = WeComMessage.Parse("""{"msgid":"m2","aibotid":"aibBot","chattype":"single","from":{"userid":"zhangwei"},"msgtype":"text","text":{"content":"@all 本周到期"}}""")!;

        var activity = WeComActivity.From(message, Options);

        Assert.Equal(("zhangwei", false, "@all 本周到期"), (activity.Conversation.Id, activity.Conversation.IsGroup == true, activity.Text));
    }

    [Fact]
    public void MixedMessage_GivesItsWordsAndItsPictureWithTheKeyThatDecryptsIt()
    {
        var message = WeComMessage.Parse("""
            {"msgid":"m3","chattype":"single","from":{"userid":"zhangwei"},"msgtype":"mixed","mixed":{"msg_item":[
              {"msgtype":"text","text":{"content":"完成 T013"}},{"msgtype":"image","image":{"url":"https://example.invalid/pic","aeskey":"KEY43"}}]}}
            """)!;

        var activity = WeComActivity.From(message, Options);

        Assert.Equal("完成 T013", activity.Text);
        var picture = Assert.Single(activity.Attachments);
        Assert.Equal(("image/*", "https://example.invalid/pic"), (picture.ContentType, picture.ContentUrl));
        Assert.Equal("KEY43", ((JObject)picture.Content)["aeskey"]!.Value<string>());
    }

    [Theory]
    [InlineData("""{"eventtype":"template_card_event","template_card_event":{"card_type":"button_interaction","event_key":"完成 T013","task_id":"cb_1"}}""")]
    [InlineData("""{"eventtype":"template_card_event","event_key":"完成 T013","task_id":"cb_1"}""")]
    public void ButtonClick_InEitherPublishedShape_IsItsCommand(string @event)
    {
        var message = WeComMessage.Parse($$"""{"msgid":"e1","create_time":1781485200,"aibotid":"aibBot","chatid":"wrkChat","chattype":"group","from":{"userid":"liming"},"msgtype":"event","event":{{@event}}}""")!;

        Assert.True(message.IsButtonClick);
        Assert.Equal("完成 T013", WeComActivity.From(message, Options).Text);
    }

    [Theory]
    [InlineData("""{"msgtype":"text","text":{"content":"x"},"from":{"userid":"u"}}""")]
    [InlineData("""{"msgid":"m","msgtype":"text","text":{"content":"x"}}""")]
    [InlineData("not json")]
    public void WithoutMsgIdOrSender_IsNotAMessage(string json) => Assert.Null(WeComMessage.Parse(json));
}
