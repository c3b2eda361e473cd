using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A real HTTP and WebSocket server on 127.0.0.1 standing in for WeCom: the app API (gettoken by
/// corp id and app secret; message/send refusing a request without a current token with 42001 or
/// 40014, a wrong agent id, a body of the wrong shape or markdown over 2,048 bytes; answering 81013
/// for a member it does not know and errcode 0 with invaliduser for one outside the app's reach;
/// counting a 31st message in a minute to one member as dropped, as WeCom does silently), the AI
/// bot's long connection (aibot_subscribe with bot id and secret, then aibot_send_msg frames whose
/// req_id is new, whose body has a known chatid and markdown within 4,096 bytes, each acknowledged by
/// req_id), and encrypted media files.
/// </summary>
public sealed class FakeWeComApi : IAsyncDisposable
{
    public const string CorpId = "wwfakecorp0001";
    public const string AppSecret = "fake-app-secret-0123456789abcdefghij";
    public const long AgentId = 1000002;
    public const string BotId = "aibfakebot0001";
    public const string BotSecret = "fake-bot-secret-abcdefghij0123456789";

    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, bool> tokens = new();
    private readonly ConcurrentDictionary<string, bool> reqIds = new();
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> perMember = new(StringComparer.OrdinalIgnoreCase);
    private WebApplication app = null!;

    public FakeWeComApi(TimeProvider time) => this.time = time;

    public string BaseUrl { get; private set; } = "";

    public string WebSocketUrl => BaseUrl.Replace("http://", "ws://") + "ws";

    /// <summary>Members the app may send to; others get 81013.</summary>
    public HashSet<string> Members { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Members WeCom accepts a send for but lists in invaliduser (outside the app's visible range, say).</summary>
    public HashSet<string> OutOfReach { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Chats the AI bot is in (group chatids, and userids that wrote to it); others get 86003.</summary>
    public HashSet<string> BotChats { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What was delivered: "app" or "bot", the recipient, the markdown, and when (by the test's clock).</summary>
    public ConcurrentQueue<(string Via, string To, string Markdown, DateTimeOffset At)> Delivered { get; } = new();

    /// <summary>Messages past 30 a minute to one member: WeCom drops them without an error.</summary>
    public int Dropped;

    public int TokensIssued;

    /// <summary>Answers the next message/send with this errcode once (e.g. 45009, or -1 busy).</summary>
    public long? FailNextSendWith { get; set; }

    /// <summary>With <see cref="FailNextSendWith"/>: only once this many messages were delivered.</summary>
    public int FailAfterDelivered { get; set; }

    /// <summary>Encrypted files served at /media/{name}.</summary>
    public ConcurrentDictionary<string, byte[]> Media { get; } = new();

    /// <summary>Ends every token issued so far: WeCom answers 42001 (expired) to the next call with one.</summary>
    public void ExpireTokens()
    {
        foreach (var token in tokens.Keys)
        {
            tokens[token] = false;
        }
    }

    public async Task StartAsync()
    {
        (app, BaseUrl) = await LoopbackServer.StartAsync(web =>
        {
            web.UseWebSockets();
            web.MapGet("/cgi-bin/gettoken", (HttpRequest request) =>
            {
                if (request.Query["corpid"] != CorpId)
                {
                    return Results.Json(new { errcode = 40013, errmsg = "invalid corpid" });
                }

                if (request.Query["corpsecret"] != AppSecret)
                {
                    return Results.Json(new { errcode = 40001, errmsg = "invalid credential" });
                }

                var token = "tok-" + Guid.NewGuid().ToString("N");
                tokens[token] = true;
                Interlocked.Increment(ref TokensIssued);
                return Results.Json(new { errcode = 0, errmsg = "ok", access_token = token, expires_in = 7200 });
            });
            web.MapPost("/cgi-bin/message/send", async (HttpRequest request) =>
            {
                var token = request.Query["access_token"].ToString();
                if (!tokens.TryGetValue(token, out var live))
                {
                    return Results.Json(new { errcode = 40014, errmsg = "invalid access_token" });
                }

                if (!live)
                {
                    return Results.Json(new { errcode = 42001, errmsg = "access_token expired" });
                }

                if (FailNextSendWith is { } code && Delivered.Count >= FailAfterDelivered)
                {
                    FailNextSendWith = null;
                    return Results.Json(new { errcode = code, errmsg = "stand-in failure" });
                }

                var body = JsonNode.Parse(await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync())!.AsObject();
                if (body["agentid"]?.GetValue<long>() != AgentId)
                {
                    return Results.Json(new { errcode = 40056, errmsg = "invalid agentid" });
                }

                if (body["msgtype"]?.GetValue<string>() != "markdown" || body["markdown"]?["content"]?.GetValue<string>() is not { Length: > 0 } content
                    || body["touser"]?.GetValue<string>() is not { Length: > 0 } to)
                {
                    return Results.Json(new { errcode = 44004, errmsg = "empty content or no recipient" });
                }

                if (Encoding.UTF8.GetByteCount(content) > 2048)
                {
                    return Results.Json(new { errcode = 45002, errmsg = "content size out of limit" });
                }

                if (!Members.Contains(to) && !OutOfReach.Contains(to))
                {
                    return Results.Json(new { errcode = 81013, errmsg = "user & party & tag all invalid" });
                }

                if (OutOfReach.Contains(to))
                {
                    return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = to.ToLowerInvariant(), msgid = "m" });
                }

                Deliver("app", to, content);
                return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = "", msgid = "m" });
            });
            web.MapGet("/media/{name}", (string name) => Media.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
            web.Map("/ws", async (HttpContext context) =>
            {
                if (!context.WebSockets.IsWebSocketRequest)
                {
                    context.Response.StatusCode = 400;
                    return;
                }

                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                await ServeAsync(socket, context.RequestAborted);
            });
        });
    }

    private void Deliver(string via, string to, string markdown)
    {
        var now = time.GetUtcNow();
        var sent = perMember.GetOrAdd(to, _ => []);
        lock (sent)
        {
            sent.RemoveAll(t => t <= now - TimeSpan.FromMinutes(1));
            if (sent.Count >= 30)
            {
                Interlocked.Increment(ref Dropped);
                return;
            }

            sent.Add(now);
        }

        Delivered.Enqueue((via, to, markdown, now));
    }

    private async Task ServeAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var subscribed = false;
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    return;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
            while (!result.EndOfMessage);

            var frame = JsonNode.Parse(text.ToString())!.AsObject();
            var reqId = frame["headers"]?["req_id"]?.GetValue<string>() ?? "";
            var cmd = frame["cmd"]?.GetValue<string>();
            var body = frame["body"] as JsonObject;
            (long Code, string Message) answer;
            if (reqId.Length == 0 || !reqIds.TryAdd(reqId, true))
            {
                answer = (40058, "req_id missing or reused");
            }
            else if (cmd == "aibot_subscribe")
            {
                subscribed = body?["bot_id"]?.GetValue<string>() == BotId && body?["secret"]?.GetValue<string>() == BotSecret;
                answer = subscribed ? (0, "ok") : (40001, "invalid bot_id or secret");
            }
            else if (!subscribed)
            {
                answer = (40001, "not subscribed");
            }
            else if (cmd != "aibot_send_msg" || body?["chatid"]?.GetValue<string>() is not { Length: > 0 } chatId
                     || body["msgtype"]?.GetValue<string>() != "markdown" || body["markdown"]?["content"]?.GetValue<string>() is not { Length: > 0 } content)
            {
                answer = (40008, "invalid message type");
            }
            else if (Encoding.UTF8.GetByteCount(content) > 4096)
            {
                answer = (45002, "content size out of limit");
            }
            else if (!BotChats.Contains(chatId))
            {
                answer = (86003, "chatid not exist");
            }
            else
            {
                Deliver("bot", chatId, content);
                answer = (0, "ok");
            }

            var ack = new JsonObject { ["headers"] = new JsonObject { ["req_id"] = reqId }, ["errcode"] = answer.Code, ["errmsg"] = answer.Message };
            await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
