using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A real HTTP and WebSocket server on 127.0.0.1 standing in for WeCom's AI bot side, checking what
/// WeCom checks (docs/wecom.md): the long connection accepts nothing before an aibot_subscribe with
/// the bot's id and secret; it acknowledges pings; a reply (aibot_respond_msg) must reuse the req_id
/// of a message callback it sent, answer it with a card at most once, and have a stream's or card's
/// shape within the byte limits; a proactive send (aibot_send_msg) must name a chat and be markdown
/// or a card. Every frame is acknowledged {headers: {req_id}, errcode, errmsg}, a refusal with an
/// errcode other than 0. Its HTTP side takes response-url replies (one call per response code).
/// </summary>
public sealed partial class FakeWeCom : IAsyncDisposable
{
    public const string BotId = "aibFakeBot0001";
    public const string BotSecret = "fake-wecom-secret-0123456789abcdef";

    private WebApplication app = null!;
    private readonly ConcurrentDictionary<string, bool> messageReqIds = new();
    private readonly ConcurrentDictionary<string, bool> responseCodes = new();
    private WebSocket? socket;
    private readonly SemaphoreSlim sending = new(1, 1);
    private int connections;
    private int pings;

    public string BaseUrl { get; private set; } = "";

    public int Connections => connections;

    public int Pings => pings;

    /// <summary>Replies accepted under a message's req_id.</summary>
    public ConcurrentQueue<(string ReqId, JsonObject Body)> Responds { get; } = new();

    /// <summary>Proactive sends accepted (aibot_send_msg), with their chatid.</summary>
    public ConcurrentQueue<JsonObject> SentMessages { get; } = new();

    /// <summary>Replies accepted at response urls, by response code.</summary>
    public ConcurrentQueue<(string Code, JsonObject Body)> Responses { get; } = new();

    /// <summary>What the stand-in refused, and why: a test expects none.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>When set, pings are not answered (a connection gone dead without closing).</summary>
    public bool IgnorePings { get; set; }

    public static async Task<FakeWeCom> StartAsync()
    {
        var server = new FakeWeCom();
        (server.app, server.BaseUrl) = await LoopbackServer.StartAsync(server.Map);
        return server;
    }

    public Dictionary<string, string?> Settings(string mode) => new()
    {
        ["WeCom:Mode"] = mode,
        ["WeCom:BotId"] = BotId,
        ["WeCom:BotSecret"] = BotSecret,
        ["WeCom:WebSocketUrl"] = BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "ws",
        ["WeCom:ApiBaseUrl"] = BaseUrl.TrimEnd('/'),
        ["WeCom:MaxReconnectDelaySeconds"] = "1",
        ["WeCom:TakenOverPauseSeconds"] = "1",
    };

    /// <summary>A text message as WeCom writes it (doc/100719); a group's text starts with the @mention of the bot.</summary>
    public JsonObject Text(string msgId, string userId, string text, string? chatId = "wrkGroup01", bool group = true) => Body(msgId, userId, chatId, group, "text",
        new JsonObject { ["content"] = group ? "@CampaignBot " + text : text });

    /// <summary>A press of a button of one of the bot's cards (doc/101027): the button's key in template_card_event.</summary>
    public JsonObject ButtonClick(string msgId, string userId, string key, string taskId, string? chatId = "wrkGroup01", bool group = true)
    {
        var body = Body(msgId, userId, chatId, group, "event", null);
        body["event"] = new JsonObject
        {
            ["eventtype"] = "template_card_event",
            ["template_card_event"] = new JsonObject { ["card_type"] = "button_interaction", ["event_key"] = key, ["task_id"] = taskId },
        };
        return body;
    }

    private JsonObject Body(string msgId, string userId, string? chatId, bool group, string msgType, JsonObject? content)
    {
        var body = new JsonObject
        {
            ["msgid"] = msgId,
            ["aibotid"] = BotId,
            ["chattype"] = group ? "group" : "single",
            ["from"] = new JsonObject { ["userid"] = userId },
            ["create_time"] = 1781485200,
            ["response_url"] = $"{BaseUrl}cgi-bin/aibot/response?response_code=rc-{msgId}",
            ["msgtype"] = msgType,
        };
        responseCodes.TryAdd("rc-" + msgId, true);
        if (group)
        {
            body["chatid"] = chatId;
        }

        if (content is not null)
        {
            body[msgType] = content;
        }

        return body;
    }

    public Task WaitConnectedAsync(int count, TimeSpan timeout) => Eventually.WaitAsync(() => connections >= count && socket?.State == WebSocketState.Open, timeout);

    /// <summary>Pushes a message callback; returns its req_id, which the reply must reuse.</summary>
    public async Task<string> PushMessageAsync(JsonObject body)
    {
        var reqId = "req-" + Guid.NewGuid().ToString("N");
        messageReqIds[reqId] = false;
        await SendAsync(Frame("aibot_msg_callback", reqId, body));
        return reqId;
    }

    public async Task<string> PushEventAsync(JsonObject body)
    {
        var reqId = "req-" + Guid.NewGuid().ToString("N");
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

    private static string Frame(string cmd, string reqId, JsonObject body) =>
        new JsonObject { ["cmd"] = cmd, ["headers"] = new JsonObject { ["req_id"] = reqId }, ["body"] = body }.ToJsonString();

    private async Task SendAsync(string text)
    {
        await sending.WaitAsync();
        try
        {
            await socket!.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }
    }

    private void Map(WebApplication web)
    {
        web.UseWebSockets();
        web.Map("/ws", async (HttpContext http) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                http.Response.StatusCode = 400;
                return;
            }

            using var ws = await http.WebSockets.AcceptWebSocketAsync();
            await ServeAsync(ws);
        });
        web.MapPost("/cgi-bin/aibot/response", async (HttpContext http) =>
        {
            var code = http.Request.Query["response_code"].ToString();
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
            if (!responseCodes.TryRemove(code, out _))
            {
                Refusals.Enqueue("response url used twice or unknown: " + code);
                return Results.Json(new { errcode = 40001, errmsg = "invalid response_code" });
            }

            if (MessageProblem(body, markdownMax: 4096) is { } problem)
            {
                Refusals.Enqueue(problem);
                return Results.Json(new { errcode = 40008, errmsg = problem });
            }

            Responses.Enqueue((code, body!));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
    }

    private async Task ServeAsync(WebSocket ws)
    {
        var subscribed = false;
        var buffer = new byte[256 * 1024];
        try
        {
            while (ws.State == WebSocketState.Open)
            {
                var result = await ws.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var frame = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!.AsObject();
                var cmd = frame["cmd"]?.GetValue<string>();
                var reqId = frame["headers"]?["req_id"]?.GetValue<string>() ?? "";
                var body = frame["body"] as JsonObject;
                if (!subscribed)
                {
                    if (cmd == "aibot_subscribe" && body?["bot_id"]?.GetValue<string>() == BotId && body["secret"]?.GetValue<string>() == BotSecret)
                    {
                        subscribed = true;
                        socket = ws;
                        Interlocked.Increment(ref connections);
                        await AckAsync(ws, reqId, 0, "ok");
                    }
                    else
                    {
                        await AckAsync(ws, reqId, 40001, "invalid bot_id or secret");
                        await ws.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "not subscribed", CancellationToken.None);
                    }

                    continue;
                }

                var (errcode, errmsg) = Handle(cmd, reqId, body);
                if (errcode != 0)
                {
                    Refusals.Enqueue($"{cmd}: {errmsg}");
                }

                if (errcode >= 0)
                {
                    await AckAsync(ws, reqId, errcode, errmsg);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Dropped on purpose (Drop) or by the client.
        }
    }

    /// <summary>What WeCom answers a frame: 0 accepted; a negative code means no answer at all (an ignored ping).</summary>
    private (int, string) Handle(string? cmd, string reqId, JsonObject? body)
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

                if (body?["msgtype"]?.GetValue<string>() is not ("stream" or "template_card" or "stream_with_template_card") || StreamProblem(body) is not null || CardProblem(body["template_card"]) is not null)
                {
                    return (40008, StreamProblem(body) ?? CardProblem(body?["template_card"]) ?? "invalid msgtype");
                }

                if (body["template_card"] is not null && (carded || !messageReqIds.TryUpdate(reqId, true, false)))
                {
                    return (40058, "a message is answered with a card once");
                }

                Responds.Enqueue((reqId, body));
                return (0, "ok");
            case "aibot_send_msg":
                if (string.IsNullOrEmpty(body?["chatid"]?.GetValue<string>()))
                {
                    return (40003, "chatid missing");
                }

                if (MessageProblem(body, markdownMax: 4096) is { } problem)
                {
                    return (40008, problem);
                }

                SentMessages.Enqueue(body!);
                return (0, "ok");
            default:
                return (40008, "unknown cmd " + cmd);
        }
    }

    /// <summary>A stream reply's shape: an id, and content within 20,480 bytes.</summary>
    private static string? StreamProblem(JsonObject? body)
    {
        if (body?["stream"] is not JsonObject stream)
        {
            return body?["msgtype"]?.GetValue<string>() == "template_card" ? null : "stream missing";
        }

        return string.IsNullOrEmpty(stream["id"]?.GetValue<string>()) ? "stream.id missing"
            : Encoding.UTF8.GetByteCount(stream["content"]?.GetValue<string>() ?? "") > 20_480 ? "stream.content over 20480 bytes"
            : null;
    }

    /// <summary>A button_interaction card: a task_id WeCom accepts, 1 to 6 buttons each with text and key.</summary>
    private static string? CardProblem(JsonNode? card)
    {
        if (card is null)
        {
            return null;
        }

        if (card["card_type"]?.GetValue<string>() != "button_interaction" || card["task_id"]?.GetValue<string>() is not { } taskId || !TaskId().IsMatch(taskId))
        {
            return "card_type or task_id invalid";
        }

        return card["button_list"] is JsonArray { Count: >= 1 and <= 6 } buttons
            && buttons.All(b => !string.IsNullOrEmpty(b?["text"]?.GetValue<string>()) && !string.IsNullOrEmpty(b?["key"]?.GetValue<string>()))
            ? null : "button_list invalid";
    }

    private static string? MessageProblem(JsonObject? body, int markdownMax) => body?["msgtype"]?.GetValue<string>() switch
    {
        "markdown" => body["markdown"]?["content"]?.GetValue<string>() is { Length: > 0 } content && Encoding.UTF8.GetByteCount(content) <= markdownMax ? null : "markdown.content missing or too long",
        "template_card" => CardProblem(body["template_card"]),
        _ => "msgtype not markdown or template_card",
    };

    [GeneratedRegex("^[0-9A-Za-z_\\-@]{1,128}$")]
    private static partial Regex TaskId();

    private async Task AckAsync(WebSocket ws, string reqId, int errcode, string errmsg)
    {
        await sending.WaitAsync();
        try
        {
            await ws.SendAsync(Encoding.UTF8.GetBytes(new JsonObject { ["headers"] = new JsonObject { ["req_id"] = reqId }, ["errcode"] = errcode, ["errmsg"] = errmsg }.ToJsonString()),
                WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        socket?.Abort();
        await app.DisposeAsync();
    }
}
