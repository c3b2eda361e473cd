using CampaignBot.Bots.Cards;
using CampaignBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Tests.Bots;

/// <summary>
/// A card's button pressed in a host that posts the button's data back as the message's value
/// (no text) does what the same words typed would; anything else in a value is not a command.
/// </summary>
public class CardButtonTests : IAsyncLifetime
{
    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static Activity Posted(JObject value) => new() { Type = ActivityTypes.Message, Text = "", Value = value };

    [Fact]
    public async Task AButtonPostedAsAValue_IsReadAsItsCommand()
    {
        var data = (JObject)SubmitAction.Of("完成", "完成 T013")["data"]!;

        await services.Flow("sample-zonghe", channelId: "webchat")
            .Send(Posted(data))
            .AssertReply(r => Assert.StartsWith("已完成：T013", ((IMessageActivity)r).Text))
            .StartTestAsync();
    }

    [Fact]
    public void TypedText_WinsOverAValue_AndAValueWithoutACommandIsNothing()
    {
        Assert.Null(SubmittedCommand.Of(new Activity { Text = "本周到期", Value = JObject.Parse("""{"msteams":{"value":"完成 T013"}}""") }));
        Assert.Null(SubmittedCommand.Of(Posted(JObject.Parse("""{"msteams":{"value":{"nested":1}}}"""))));
        Assert.Null(SubmittedCommand.Of(Posted(JObject.Parse("""{"other":"完成 T013"}"""))));
        Assert.Equal("详情 T014", SubmittedCommand.Of(Posted(JObject.Parse("""{"cardAction":{"type":"imBack","value":"详情 T014"}}"""))));
    }
}
