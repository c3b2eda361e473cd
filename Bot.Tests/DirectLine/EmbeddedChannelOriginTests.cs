using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Bots;
using CampaignBot.Chat.Outgoing;
using CampaignBot.Chat.Replies;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.DirectLine;

/// <summary>
/// Whether a turn or a chat belongs to the embedded Web Chat channel is decided by where it came
/// from, never by a url in an activity. The attack: in Development /api/messages lets unauthenticated
/// callers in; one names the bot's own connector endpoint as its serviceUrl and another person's Web
/// Chat conversation id, hoping the bot's reply (or a later reminder) lands in that person's Web Chat.
/// Real Kestrel, real /api/messages, real store.
/// </summary>
[Needs(Needs.Host)]
public sealed class EmbeddedChannelOriginTests : IAsyncLifetime
{
    private BotApplication app = null!;
    private HttpClient http = null!;

    public Task InitializeAsync()
    {
        app = new BotApplication();
        http = new HttpClient { BaseAddress = app.StartOnKestrel() };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    private string VictimTranscript(string conversationId)
    {
        using var ledger = app.OpenLedger();
        return string.Join("\n", ledger.Query<string>(
            "SELECT watermark || ':' || json FROM directline_activity WHERE conversation_id = @Id ORDER BY watermark", new { Id = conversationId }));
    }

    private Task<HttpResponseMessage> PostToApiMessagesAsync(string channelId, string conversationId, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "attack-1",
            ["channelId"] = channelId,
            // The embedded channel's connector endpoint as it used to be recognised: a url ending in /directline/connector/.
            ["serviceUrl"] = new Uri(http.BaseAddress!, "directline/connector/").ToString(),
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = "attacker", ["name"] = "attacker" },
            ["recipient"] = new JsonObject { ["id"] = "campaignbot" },
            ["text"] = text,
        };
        return http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    [Theory]
    [InlineData("directline")]
    [InlineData("emulator")]
    public async Task AMessageToApiMessages_NamingTheConnectorAndAWebChatConversation_NeverWritesIntoThatWebChat(string channelId)
    {
        var victim = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        var before = VictimTranscript(victim.ConversationId);
        Assert.NotEmpty(before); // the greeting: the victim's conversation is live

        var response = await PostToApiMessagesAsync(channelId, victim.ConversationId, "帮助");

        // Refused outright when it claims the channel's own conversation; otherwise its reply goes
        // wherever it said, as any other chat's, and the connector endpoint refuses it without the key.
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        Assert.Equal(before, VictimTranscript(victim.ConversationId));
    }

    [Fact]
    public async Task AMessageToApiMessages_ClaimingTheChannelsOwnConversation_IsRefused_AndChangesNotItsChat()
    {
        var victim = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        using var ledger = app.OpenLedger();
        var chatBefore = ledger.QuerySingle<string>(
            "SELECT service_url || '|' || ifnull(account_id, '') FROM conversation WHERE channel_id = 'directline' AND conversation_id = @Id", new { Id = victim.ConversationId });

        var response = await PostToApiMessagesAsync("directline", victim.ConversationId, "订阅我的提醒");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(chatBefore, ledger.QuerySingle<string>(
            "SELECT service_url || '|' || ifnull(account_id, '') FROM conversation WHERE channel_id = 'directline' AND conversation_id = @Id", new { Id = victim.ConversationId }));
    }

    [Fact]
    public async Task AChatStoredFromApiMessages_WithTheConnectorsUrl_NeverRoutesAReminderIntoTheStore()
    {
        var victim = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        // An Emulator chat with the victim's conversation id and the connector's url: stored (a loopback
        // url is callable in Development), as a reminder's target would be.
        await PostToApiMessagesAsync("emulator", victim.ConversationId, "帮助");
        using (var ledger = app.OpenLedger())
        {
            Assert.EndsWith("/directline/connector/", ledger.QuerySingle<string>(
                "SELECT service_url FROM conversation WHERE channel_id = 'emulator' AND conversation_id = @Id", new { Id = victim.ConversationId }));
        }

        var before = VictimTranscript(victim.ConversationId);
        var sender = app.Services.GetRequiredService<BotFrameworkSender>();

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(
            new ChatTarget("emulator", victim.ConversationId), new OutgoingMessage(new ChatReply("【督办】伪造的提醒"), default), CancellationToken.None));
        Assert.Equal(before, VictimTranscript(victim.ConversationId));
    }

    [Fact]
    public async Task AReminderToAWebChatChat_IsWrittenIntoTheStore_WithoutTheConnectorEndpoint()
    {
        var victim = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        var sender = app.Services.GetRequiredService<BotFrameworkSender>();

        await sender.SendAsync(new ChatTarget("directline", victim.ConversationId), new OutgoingMessage(new ChatReply("【督办】真的提醒"), default), CancellationToken.None);

        Assert.Contains(await victim.BotTextsAsync(), t => t.Contains("【督办】真的提醒", StringComparison.Ordinal));
        using var ledger = app.OpenLedger();
        Assert.Equal(CampaignBot.Security.EmbeddedChannelIdentity.ServiceUrl, ledger.QuerySingle<string>(
            "SELECT service_url FROM conversation WHERE channel_id = 'directline' AND conversation_id = @Id", new { Id = victim.ConversationId }));
    }
}
