using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// The AI bot's long connection at /ws: nothing before an aibot_subscribe with the bot's id and secret
/// (else 40001 and the socket is closed); every frame the bot starts carries a req_id never used
/// before (else 40058); pings are acknowledged; a reply (aibot_respond_msg) must reuse the req_id of a
/// message callback this side sent, answer it with a card at most once, and have a stream's or card's
/// shape within the byte limits; a proactive send (aibot_send_msg) must name a chat the bot is in
/// (else 86003) and be markdown within 4,096 bytes or a card. Every frame is acknowledged
/// {headers: {req_id}, errcode, errmsg}, a refusal with an errcode other than 0.
/// </summary>
public sealed partial class FakeWeCom
{
    /// <summary>The req_ids of message callbacks sent, each with whether it was answered with a card.</summary>
    private readonly ConcurrentDictionary<string, bool> messageReqIds = new();
    private readonly ConcurrentDictionary<string, bool> usedReqIds = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private WebSocket? socket;
    private int connections;
    private int pings;

    public string WebSocketUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "ws";

    /// <summary>Subscriptions accepted so far.</summary>
    public int Connections => connections;

    public int Pings => pings;

    /// <summary>Every frame the bot sent, as it arrived.</summary>
    public ConcurrentQueue<JsonObject> Frames { get; } = new();

    /// <summary>Replies accepted under a message's req_id.</summary>
    public ConcurrentQueue<(string ReqId, JsonObject Body)> Responds { get; } = new();

    /// <summary>Proactive sends (aibot_send_msg) delivered, with their chatid.</summary>
    public IReadOnlyList<JsonObject> SentMessages => Delivered.Where(d => d.Via == "bot").Select(d => d.Body).ToList();

    /// <summary>When set, pings are not answered (a connection gone dead without closing).</summary>
    public bool IgnorePings { get; set; }

    public Task WaitConnectedAsync(int count, TimeSpan timeout) => Eventually.WaitAsync(() => connections >= count && socket?.State == WebSocketState.Open, timeout);

    /// <summary>Pushes a message callback; returns its req_id, which the reply must reuse.</summary>
    public async Task<string> PushMessageAsync(JsonObject body)
    {
        var reqId = NewReqId();
        messageReqIds[reqId] = false;
        await SendAsync(Frame("aibot_msg_callback", reqId, body));
        return reqId;
    }

    public async Task<string> PushEventAsync(JsonObject body)
    {
        var reqId = NewReqId();
        await SendAsync(Frame("aibot_event_callback", reqId, body));
        return reqId;
    }

    /// <summary>What WeCom does when another connection subscribes as the same bot: tells this one, then closes it.</summary>
    public async Task TakeOverAsync()
    {
        var body = new JsonObject
        {
            ["msgid"] = "disc-" + Guid.NewGuid().ToString("N"), ["create_time"] = 1781485200, ["aibotid"] = BotId,
            ["from"] = new JsonObject { ["userid"] = "" }, ["msgtype"] = "event", ["event"] = new JsonObject { ["eventtype"] = "disconnected_event" },
        };
        await PushEventAsync(body);
        try
        {
            await socket!.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "taken over", CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The bot left first, as it should on the event.
        }
    }

    /// <summary>Drops the connection without a closing handshake, as a network failure would.</summary>
    public void Drop() => socket?.Abort();

    /// <summary>A req_id this side starts a frame with; the bot may not use it for a frame of its own.</summary>
    private string NewReqId()
    {
        var reqId = "req-" + Guid.NewGuid().ToString("N");
        usedReqIds[reqId] = true;
        return reqId;
    }

    private static string Frame(string cmd, string reqId, JsonObject body) =>
        new JsonObject { ["cmd"] = cmd, ["headers"] = new JsonObject { ["req_id"] = reqId }, ["body"] = body }.ToJsonString();

    private Task SendAsync(string text) => SendAsync(socket!, text);

    /// <summary>One frame at a time on a socket: pushes and acknowledgements come from different threads.</summary>
    private async Task SendAsync(WebSocket ws, string text)
    {
        await sending.WaitAsync();
        try
        {
            await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }
    }

    private void MapLongConnection(WebApplication web) => web.Map("/ws", async (HttpContext http) =>
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }

        using var ws = await http.WebSockets.AcceptWebSocketAsync();
        await ServeAsync(ws);
    });

    private async Task ServeAsync(WebSocket ws)
    {
        var subscribed = false;
        try
        {
            while (ws.State == WebSocketState.Open && await ReadFrameAsync(ws) is { } text)
            {
                if (Parse(text) is not { } frame)
                {
                    Refusals.Enqueue("not a frame: " + text);
                    continue;
                }

                Frames.Enqueue(frame);
                var cmd = frame["cmd"]?.GetValue<string>();
                var reqId = frame["headers"]?["req_id"]?.GetValue<string>() ?? "";
                var body = frame["body"] as JsonObject;
                (int Code, string Why) answer;
                if (cmd != "aibot_respond_msg" && (reqId.Length == 0 || !usedReqIds.TryAdd(reqId, true)))
                {
                    answer = (40058, "req_id missing or reused");
                }
                else if (!subscribed)
                {
                    subscribed = cmd == "aibot_subscribe" && body?["bot_id"]?.GetValue<string>() == BotId && body["secret"]?.GetValue<string>() == BotSecret;
                    answer = subscribed ? (0, "ok") : (40001, "invalid bot_id or secret");
                    if (subscribed)
                    {
                        socket = ws;
                        Interlocked.Increment(ref connections);
                    }
                }
                else
                {
                    answer = Handle(cmd, reqId, body);
                }

                if (answer.Code > 0)
                {
                    Refusals.Enqueue($"{cmd}: {answer.Code} {answer.Why}");
                }

                if (answer.Code >= 0)
                {
                    await SendAsync(ws, new JsonObject { ["headers"] = new JsonObject { ["req_id"] = reqId }, ["errcode"] = answer.Code, ["errmsg"] = answer.Why }.ToJsonString());
                }

                if (!subscribed)
                {
                    await ws.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "not subscribed", CancellationToken.None);
                }
            }

            if (ws.State == WebSocketState.CloseReceived)
            {
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Dropped on purpose (Drop) or by the client.
        }
    }

    /// <summary>One whole frame, however many pieces it came in; null when the bot closed the connection.</summary>
    private static async Task<string?> ReadFrameAsync(WebSocket ws)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What WeCom answers a subscribed connection's frame: 0 accepted; a negative code means no answer at all (an ignored ping).</summary>
    private (int Code, string Why) Handle(string? cmd, string reqId, JsonObject? body)
    {
        switch (cmd)
        {
            case "ping":
                if (IgnorePings)
                {
                    return (-1, "");
                }

                Interlocked.Increment(ref pings);
                return (0, "ok");
            case "aibot_respond_msg":
                if (!messageReqIds.TryGetValue(reqId, out var carded))
                {
                    return (40058, "req_id is not a message callback's");
                }

                if (ReplyProblem(body) is { } replyProblem)
                {
                    return replyProblem;
                }

                if (body!["template_card"] is not null && (carded || !messageReqIds.TryUpdate(reqId, true, false)))
                {
                    return (40058, "a message is answered with a card once");
                }

                Responds.Enqueue((reqId, body));
                return (0, "ok");
            case "aibot_send_msg":
                if (body?["chatid"]?.GetValue<string>() is not { Length: > 0 } chatId)
                {
                    return (40003, "chatid missing");
                }

                if (MessageProblem(body) is { } sendProblem)
                {
                    return sendProblem;
                }

                if (!IsBotChat(chatId))
                {
                    return (86003, "chatid not exist");
                }

                Deliver("bot", chatId, body);
                return (0, "ok");
            default:
                return (40008, "unknown cmd " + cmd);
        }
    }
}
