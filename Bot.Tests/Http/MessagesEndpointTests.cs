using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Http;

/// <summary>POST /api/messages over the real ASP.NET Core pipeline and the real CloudAdapter.</summary>
[Needs(Needs.Host)]
public class MessagesEndpointTests : IClassFixture<MessagesEndpointTests.App>
{
    public sealed class App : IDisposable
    {
        public BotApplication Bot { get; } = new();

        public void Dispose() => Bot.Dispose();
    }

    private readonly BotApplication bot;
    private readonly HttpClient client;

    public MessagesEndpointTests(App app)
    {
        bot = app.Bot;
        client = bot.CreateClient();
    }

    [Fact]
    public async Task Post_MessageExpectingReplies_AnswersInTheBody()
    {
        var response = await bot.PostMessageAsync(client, "sample-zonghe", "本周有什么到期？");

        var texts = await BotApplication.ReplyTextsAsync(response);
        var reply = Assert.Single(texts);
        Assert.Contains("到期（综合组）：2 项", reply);
        Assert.Contains("T013", reply);
    }

    [Fact]
    public async Task Post_OnEmulatorChannel_RepliesWithAnAdaptiveCard()
    {
        var response = await bot.PostMessageAsync(client, "sample-zonghe", "本周到期", channelId: "emulator");

        response.EnsureSuccessStatusCode();
        var activity = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]![0]!;
        var card = activity["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", card["content"]!["version"]!.GetValue<string>());
        Assert.Equal(("完成", "完成 T013"), CardBlock.Of(activity)[0].Buttons[0]);
    }

    [Fact]
    public async Task Post_ConversationReference_IsStoredForLaterProactiveMessages()
    {
        await bot.PostMessageAsync(client, "sample-zonghe", "帮助", conversationId: "stored-conv");

        using var ledger = bot.OpenLedger();
        var row = await ledger.QuerySingleAsync<(string ServiceUrl, string BotId)>(
            "SELECT service_url, bot_id FROM conversation WHERE conversation_id = 'stored-conv'");
        Assert.Equal(("http://127.0.0.1:9/", "campaignbot"), row);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2,3]", "must be a JSON object")]
    [InlineData("\"hello\"", "must be a JSON object")]
    [InlineData("{}", "has no type")]
    [InlineData("""{"type":"message","channelId":"test","serviceUrl":"http://x/","from":{"id":"a"}}""", "no conversation.id")]
    [InlineData("""{"type":"message","channelId":"test","serviceUrl":"http://x/","conversation":{"id":"c"}}""", "needs from.id")]
    [InlineData("""{"type":"message","channelId":"test","from":{"id":"a"},"conversation":{"id":"c"}}""", "no serviceUrl")]
    [InlineData("""{"type":"message","channelId":"test","serviceUrl":"file:///etc/passwd","from":{"id":"a"},"conversation":{"id":"c"}}""", "absolute http or https")]
    [InlineData("""{"type":"message","channelId":"test","serviceUrl":"http://x/","from":{"id":"a"},"conversation":{"id":"c"},"timestamp":"yesterday"}""", "wrong type")]
    [InlineData("""{"type":"message","channelId":"test","serviceUrl":"http://x/","from":"a","conversation":{"id":"c"}}""", "wrong type")]
    [InlineData("""{"type":["message"],"channelId":"test","serviceUrl":"http://x/","from":{"id":"a"},"conversation":{"id":"c"}}""", "wrong type")]
    public async Task Post_Malformed_Gets400WithReason(string body, string reason)
    {
        var response = await client.PostAsync("/api/messages", Activities.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_DeeplyNestedJson_Gets400()
    {
        var body = """{"type":"message","channelData":""" + new string('[', 5000) + new string(']', 5000) + "}";

        var response = await client.PostAsync("/api/messages", Activities.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_HugeBody_Gets413()
    {
        var activity = Activities.Message("sample-zonghe", new string('字', 400_000), "test", "huge", false);

        var response = await client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("SELECT * FROM task; DROP TABLE task;--")]
    [InlineData("完成 T013'; DELETE FROM task;--")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Post_HostileText_IsAnsweredAndChangesNothing(string text)
    {
        using var before = bot.OpenLedger();
        var tasksBefore = await before.ExecuteScalarAsync<long>("SELECT count(*) FROM task");

        var response = await bot.PostMessageAsync(client, "stranger", text);

        Assert.Single(await BotApplication.ReplyTextsAsync(response));
        using var after = bot.OpenLedger();
        Assert.Equal(tasksBefore, await after.ExecuteScalarAsync<long>("SELECT count(*) FROM task"));
        Assert.Equal(0, await after.ExecuteScalarAsync<long>("SELECT count(*) FROM audit WHERE actor_account = 'stranger'"));
    }

    [Fact]
    public async Task Post_UnknownActivityType_IsAccepted()
    {
        var activity = Activities.Message("sample-zonghe", "", "test", "typing-conv", false);
        activity["type"] = "typing";

        var response = await client.PostAsJsonAsync("/api/messages", activity);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Get_Health_IsHealthy()
    {
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
