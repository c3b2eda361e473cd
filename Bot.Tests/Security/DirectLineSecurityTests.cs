using System.Net.WebSockets;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 12, points 2 and 4 on the embedded channel: a coordinator's message with a robot's secret
/// was kept in plain text in the transcript; the WebSocket stream kept delivering after its token
/// expired; ten simultaneous first sign-ins created two "one per person" conversations.
/// </summary>
[Needs(Needs.Host)]
public sealed class DirectLineSecurityTests : KestrelBotTest
{
    private const string Token = "d5f1c0ffee0123456789abcdef0123456789abcdef0123456789abcdef012345";
    private const string Secret = "SEC0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["environment"] = "Production",
        ["DirectLine:TrustedUserHeader"] = "X-Forwarded-User",
    };

    [Fact]
    public async Task ARobotsWebhookKeyAndSecret_TypedInChat_AreNotKeptInTheTranscriptOrAudit()
    {
        var coordinator = await DirectLineSession.StartAsync(App, Http, "sample-coordinator");

        await DirectLineSession.ReadAsync(await coordinator.PostTextAsync($"添加机器人 综合组 钉钉 https://oapi.dingtalk.com/robot/send?access_token={Token} {Secret}"));

        using var ledger = App.OpenLedger();
        Assert.Equal(1, ledger.ExecuteScalar<long>("SELECT count(*) FROM robot"));
        Assert.Equal(Secret, ledger.ExecuteScalar<string>("SELECT secret FROM robot"));
        var kept = string.Join("\n", ledger.Query<string>("SELECT json FROM directline_activity").Concat(ledger.Query<string>("SELECT COALESCE(before_json, '') || COALESCE(after_json, '') FROM audit")));
        Assert.Contains("添加机器人 综合组 钉钉 https://oapi.dingtalk.com/robot/send?access_token=", kept);
        Assert.DoesNotContain(Token, kept);
        Assert.DoesNotContain(Secret, kept);
    }

    [Fact]
    public async Task TheStream_ClosesWhenItsTokenExpires()
    {
        var session = await DirectLineSession.StartAsync(App, Http, "sample-zonghe");
        var reconnect = await DirectLineSession.ReadAsync(await session.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}"));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(reconnect["streamUrl"]!.GetValue<string>()), CancellationToken.None);

        Time.Advance(TimeSpan.FromMinutes(61));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, timeout.Token);
        }
        while (received.MessageType != WebSocketMessageType.Close);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal("token expired", socket.CloseStatusDescription);
    }

    [Fact]
    public async Task TenSimultaneousFirstSignIns_GetOneConversation()
    {
        var sessions = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/session");
            request.Headers.Add("X-Forwarded-User", "new-person");
            return (await DirectLineSession.ReadAsync(await Http.SendAsync(request)))["conversationId"]!.GetValue<string>();
        }));

        Assert.Single(sessions.Distinct());
        using var ledger = App.OpenLedger();
        Assert.Equal(1, ledger.ExecuteScalar<long>("SELECT count(*) FROM directline_conversation WHERE user_id = 'new-person'"));
    }
}
