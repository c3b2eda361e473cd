using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.DingTalk;

/// <summary>
/// DingTalk's Stream mode end to end: the real host registers a connection with the app's client id
/// and secret, opens the stand-in gateway's WebSocket with its ticket, answers pings, acknowledges
/// robot messages, and after a dropped connection reconnects without losing or repeating a message.
/// </summary>
[Needs(Needs.Host)]
public class DingTalkStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly AnchoredTimeProvider time = new(TestClock.Start.AddSeconds(5));
    private FakeDingTalk dingTalk = null!;

    public async Task InitializeAsync() => dingTalk = await FakeDingTalk.StartAsync();

    public async Task DisposeAsync() => await dingTalk.DisposeAsync();

    private int RepliesTo(string msgId) => dingTalk.Sent.Count(s => s.Body["session"]?.GetValue<string>() == msgId);

    private bool Acked(string frameId) => dingTalk.Acks.Any(a => a["headers"]?["messageId"]?.GetValue<string>() == frameId);

    private BotApplication Start(IDictionary<string, string?>? more = null)
    {
        var settings = dingTalk.Settings("Stream");
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new BotApplication(settings, time);
        _ = app.Services; // starts the host, and with it the stream
        return app;
    }

    [Fact]
    public async Task Stream_AnswersPingsAndMessagesAndAcknowledgesEachFrame()
    {
        await using var app = Start();
        await dingTalk.WaitConnectedAsync(1, Patience);

        await dingTalk.PushAsync("SYSTEM", "ping", "frame-ping", "{\"opaque\":\"abc\"}");
        await dingTalk.PushMessageAsync("frame-1", dingTalk.Message("msg-s1", "stranger01", "本周到期"));

        await Eventually.WaitAsync(() => Acked("frame-ping") && Acked("frame-1"), Patience);
        var pong = dingTalk.Acks.Single(a => a["headers"]!["messageId"]!.GetValue<string>() == "frame-ping");
        Assert.Equal(200, pong["code"]!.GetValue<int>());
        Assert.Equal("{\"opaque\":\"abc\"}", pong["data"]!.GetValue<string>());
        var ack = dingTalk.Acks.Single(a => a["headers"]!["messageId"]!.GetValue<string>() == "frame-1");
        Assert.Equal(200, ack["code"]!.GetValue<int>());
        Assert.Equal("OK", ack["message"]!.GetValue<string>());
        Assert.Equal("application/json", ack["headers"]!["contentType"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(ack["data"]!.GetValue<string>())!["response"]);
        Assert.Equal(1, RepliesTo("msg-s1"));
        // The client names itself as DingTalk documents: name-sdk-lang/version.
        Assert.Matches(@"^[a-z0-9]+(-[a-z0-9]+)*-sdk-[a-z]+/\d+(\.\d+)*$", dingTalk.Registrations.First()["ua"]!.GetValue<string>());
    }

    [Fact]
    public async Task DroppedStream_ReconnectsAndNeitherLosesNorRepeatsAMessage()
    {
        await using var app = Start();
        await dingTalk.WaitConnectedAsync(1, Patience);

        // Handled, but the connection drops before DingTalk sees the acknowledgement: DingTalk sends it again.
        await dingTalk.PushMessageAsync("frame-a", dingTalk.Message("msg-a", "stranger01", "本周到期"));
        await Eventually.WaitAsync(() => RepliesTo("msg-a") == 1, Patience);
        dingTalk.Drop();

        await dingTalk.WaitConnectedAsync(2, Patience);
        await dingTalk.PushMessageAsync("frame-a-again", dingTalk.Message("msg-a", "stranger01", "本周到期"));
        await dingTalk.PushMessageAsync("frame-b", dingTalk.Message("msg-b", "stranger01", "逾期"));
        await Eventually.WaitAsync(() => Acked("frame-a-again") && Acked("frame-b"), Patience);

        Assert.Equal(1, RepliesTo("msg-a"));
        Assert.Equal(1, RepliesTo("msg-b"));
    }

    [Fact]
    public async Task DisconnectRequest_ReconnectsWithANewTicket()
    {
        await using var app = Start();
        await dingTalk.WaitConnectedAsync(1, Patience);

        await dingTalk.PushAsync("SYSTEM", "disconnect", "frame-disconnect", "{\"reason\":\"gateway upgrade\"}");

        await dingTalk.WaitConnectedAsync(2, Patience);
        await dingTalk.PushMessageAsync("frame-after", dingTalk.Message("msg-after", "stranger01", "本周到期"));
        await Eventually.WaitAsync(() => RepliesTo("msg-after") == 1, Patience);
    }

    [Theory]
    [InlineData(false)] // as DingTalk documents it: no messageId
    [InlineData(true)]
    public async Task AnnouncedDisconnect_WithOrWithoutAMessageId_ConnectsAgainAtOnce_BeforeTheOldConnectionCloses(bool withMessageId)
    {
        // A long back-off, so that a reconnect that waited for the drop would show.
        await using var app = Start(new Dictionary<string, string?> { ["DingTalk:MaxReconnectDelaySeconds"] = "30" });
        await dingTalk.WaitConnectedAsync(1, Patience);

        // DingTalk closes the socket ten seconds after this; the stand-in leaves it to the bot.
        await dingTalk.PushAsync("SYSTEM", "disconnect", withMessageId ? "frame-disconnect" : null, "{\"reason\":\"connection is expired\"}");

        await dingTalk.WaitConnectedAsync(2, TimeSpan.FromSeconds(3));
        Assert.Equal(2, dingTalk.MostOpenAtOnce);
        // The announcement needs no answer.
        Assert.DoesNotContain(dingTalk.Acks, a => a["headers"]?["messageId"]?.GetValue<string>() == "frame-disconnect");
        await dingTalk.PushMessageAsync("frame-after", dingTalk.Message("msg-after", "stranger01", "本周到期"));
        await Eventually.WaitAsync(() => RepliesTo("msg-after") == 1, Patience);
    }

    [Fact]
    public async Task ATurnThatFails_TellsThePerson_AndIsAcknowledged()
    {
        await using var app = Start();
        await dingTalk.WaitConnectedAsync(1, Patience);
        await using (var ledger = app.OpenLedger())
        {
            // The ledger cannot keep the chat: the turn fails before the bot runs.
            await ledger.ExecuteAsync("DROP TABLE dingtalk_chat");
        }

        await dingTalk.PushMessageAsync("frame-fail", dingTalk.Message("msg-fail", "stranger01", "本周到期"));

        await Eventually.WaitAsync(() => Acked("frame-fail"), Patience);
        var (_, reply) = Assert.Single(dingTalk.Sent, s => s.Body["session"]?.GetValue<string>() == "msg-fail");
        Assert.Contains("出错", reply["text"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASlowTurn_HoldsUpOnlyItsOwnChat_PingsAndOtherChatsAreAnsweredAtOnce_AndItsChatStaysInOrder()
    {
        await using var app = Start();
        await dingTalk.WaitConnectedAsync(1, Patience);
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        dingTalk.HeldSessions["msg-a1"] = slow;

        await dingTalk.PushMessageAsync("frame-a1", dingTalk.Message("msg-a1", "stranger01", "本周到期", conversationId: "cidA=="));
        await dingTalk.PushAsync("SYSTEM", "ping", "frame-ping", "{\"opaque\":\"p1\"}");
        await dingTalk.PushMessageAsync("frame-b1", dingTalk.Message("msg-b1", "stranger02", "本周到期", conversationId: "cidB=="));
        await dingTalk.PushMessageAsync("frame-a2", dingTalk.Message("msg-a2", "stranger01", "逾期", conversationId: "cidA=="));

        // While A's first turn is still sending its reply:
        await Eventually.WaitAsync(() => Acked("frame-ping") && RepliesTo("msg-b1") == 1 && Acked("frame-b1"), TimeSpan.FromSeconds(10));
        await Task.Delay(500);
        Assert.Equal(0, RepliesTo("msg-a2"));
        Assert.False(Acked("frame-a1"));

        slow.SetResult();
        await Eventually.WaitAsync(() => RepliesTo("msg-a1") == 1 && RepliesTo("msg-a2") == 1, Patience);
        var order = dingTalk.Sent.Select(s => s.Body["session"]?.GetValue<string>()).ToList();
        Assert.True(order.IndexOf("msg-a1") < order.IndexOf("msg-a2"), string.Join(", ", order));
        await Eventually.WaitAsync(() => Acked("frame-a1") && Acked("frame-a2"), Patience);
    }

    [Fact]
    public async Task MessageHandledBeforeARestart_IsNotHandledAgainAfterIt()
    {
        // The ledger outlives both hosts, as the service's file outlives a restart.
        var folder = TestDatabase.NewFolder();
        var database = Path.Combine(folder, "ledger.db");
        var shared = new Dictionary<string, string?> { ["Storage:DatabasePath"] = database };
        await using (var first = Start(shared))
        {
            await dingTalk.WaitConnectedAsync(1, Patience);
            await dingTalk.PushMessageAsync("frame-r", dingTalk.Message("msg-r", "stranger01", "本周到期"));
            await Eventually.WaitAsync(() => RepliesTo("msg-r") == 1, Patience);
            dingTalk.Drop();
        }

        await using var second = Start(shared);
        await dingTalk.WaitConnectedAsync(2, Patience);
        await dingTalk.PushMessageAsync("frame-r-again", dingTalk.Message("msg-r", "stranger01", "本周到期"));
        await Eventually.WaitAsync(() => Acked("frame-r-again"), Patience);

        Assert.Equal(1, RepliesTo("msg-r"));
        await using (var ledger = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + database))
        {
            Assert.Equal(1, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM dingtalk_message WHERE msg_id = 'msg-r'"));
        }

        await second.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task WrongClientSecret_NeverConnects()
    {
        await using var app = Start(new Dictionary<string, string?> { ["DingTalk:ClientSecret"] = "not-the-secret" });

        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(0, dingTalk.Connections);
    }

    [Fact]
    public async Task NoClientId_ChannelIsOff()
    {
        await using var app = Start(new Dictionary<string, string?> { ["DingTalk:ClientId"] = "" });
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/dingtalk", new StringContent("{}"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, dingTalk.Connections);
        Assert.Equal(0, dingTalk.TokensIssued);
    }
}
