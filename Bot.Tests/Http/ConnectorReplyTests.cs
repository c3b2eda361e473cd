using System.Net;
using System.Net.Http.Json;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Http;

/// <summary>
/// The ordinary Bot Framework flow, as the Emulator and Teams use it: the request is acknowledged
/// and the reply is posted back to the channel's connector at the activity's serviceUrl.
/// </summary>
[Needs(Needs.Host)]
public class ConnectorReplyTests : IDisposable
{
    private readonly BotApplication bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Message_WithoutExpectReplies_IsAnsweredThroughTheConnector()
    {
        await using var connector = await FakeConnector.StartAsync();
        var activity = Activities.Message("sample-zonghe", "本周到期", "emulator", "emulator-conv", false);
        activity.Remove("deliveryMode");
        activity["serviceUrl"] = connector.ServiceUrl;

        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, response.StatusCode.ToString());
        var (conversationId, reply) = Assert.Single(connector.Received);
        Assert.Equal("emulator-conv", conversationId);
        Assert.Equal("message", reply["type"]!.GetValue<string>());
        Assert.Contains("到期（综合组）：2 项", reply["text"]!.GetValue<string>());
        Assert.Equal(activity["id"]!.GetValue<string>(), reply["replyToId"]!.GetValue<string>());
        Assert.Equal("sample-zonghe", reply["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task BotAddedToConversation_PostsWelcomeThroughTheConnector()
    {
        await using var connector = await FakeConnector.StartAsync();
        var update = Activities.Message("sample-zonghe", "", "emulator", "welcome-conv", false);
        update["type"] = "conversationUpdate";
        update.Remove("deliveryMode");
        update.Remove("text");
        update["serviceUrl"] = connector.ServiceUrl;
        update["membersAdded"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = "campaignbot" });

        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", update);

        response.EnsureSuccessStatusCode();
        var (_, reply) = Assert.Single(connector.Received);
        Assert.Contains("创建工作台账助手", reply["text"]!.GetValue<string>());
    }
}
