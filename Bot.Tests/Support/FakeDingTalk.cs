using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A real HTTP and WebSocket server on 127.0.0.1 standing in for DingTalk's side of the enterprise
/// app: the OpenAPI (access token by app key and secret; group send, 1:1 send and file download,
/// each refusing a request without the current token or with a body of the wrong shape), the Stream
/// gateway (connection registration by client id and secret, then a WebSocket that accepts only the
/// ticket it issued, pushes frames and collects acknowledgements), session webhooks, and file links.
/// It stands for both of DingTalk's hosts (DingTalk:ApiBaseUrl and DingTalk:WebhookBaseUrl).
/// </summary>
public sealed class FakeDingTalk : IAsyncDisposable
{
    public const string ClientId = "dingfakeclientid01";
    public const string ClientSecret = "fake-secret-0123456789abcdefghijklmnop";
    public const string RobotCode = "dingfakerobot01";

    private WebApplication app = null!;
    private readonly ConcurrentDictionary<string, bool> tickets = new();
    private readonly ConcurrentDictionary<string, bool> tokens = new();
    private WebSocket? socket;
    private int connections;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Messages the app sent: "group", "person" or "session", and the request body.</summary>
    public ConcurrentQueue<(string Kind, JsonObject Body)> Sent { get; } = new();

    /// <summary>The stream registrations accepted (their request bodies).</summary>
    public ConcurrentQueue<JsonObject> Registrations { get; } = new();

    /// <summary>Acknowledgements the stream client sent, by frame message id.</summary>
    public ConcurrentQueue<JsonObject> Acks { get; } = new();

    /// <summary>File bytes served at the download links, by download code.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public int TokensIssued => tokens.Count;

    /// <summary>The most UTF-8 bytes a send's msgParam may hold, as DingTalk documents for the group send.</summary>
    public const int MaxMsgParamBytes = 15_000;

    /// <summary>The request bodies of accepted sends, as they came over the wire.</summary>
    public ConcurrentQueue<string> LastRawBodies { get; } = new();

    /// <summary>Revokes every token issued so far (the app secret was reset): the next call with one is 401.</summary>
    public void RevokeTokens()
    {
        foreach (var token in tokens.Keys)
        {
            tokens[token] = false;
        }
    }

    public int Connections => connections;

    /// <summary>When set, the next group send answers this HTTP status instead of success.</summary>
    public int? FailNextSendWith { get; set; }

    /// <summary>DingTalk's error code with <see cref="FailNextSendWith"/> (its new API answers {"code", "message"}).</summary>
    public string FailNextSendCode { get; set; } = "fake";

    public string FailNextSendMessage { get; set; } = "failing on purpose";

    /// <summary>For the next 1:1 send: answer 200 listing the staff id as throttled (flowControlledStaffIdList), as DingTalk does.</summary>
    public bool ThrottleNextPersonSend { get; set; }

    public static async Task<FakeDingTalk> StartAsync()
    {
        var server = new FakeDingTalk();
        (server.app, server.BaseUrl) = await LoopbackServer.StartAsync(server.Map);
        return server;
    }

    /// <summary>The settings that point the bot at this stand-in.</summary>
    public Dictionary<string, string?> Settings(string mode) => new()
    {
        ["DingTalk:Mode"] = mode,
        ["DingTalk:ClientId"] = ClientId,
        ["DingTalk:ClientSecret"] = ClientSecret,
        ["DingTalk:RobotCode"] = RobotCode,
        ["DingTalk:ApiBaseUrl"] = BaseUrl.TrimEnd('/'),
        ["DingTalk:WebhookBaseUrl"] = BaseUrl.TrimEnd('/'),
        ["DingTalk:MaxReconnectDelaySeconds"] = "1",
    };

    public string SessionWebhook(string session) => $"{BaseUrl}robot/sendBySession?session={session}";

    /// <summary>Signs as DingTalk does: Base64(HMAC-SHA256(key: app secret, "timestamp\nsecret")), computed here independently of the bot.</summary>
    public static string Sign(long timestamp, string secret) =>
        Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));

    /// <summary>A callback to /api/dingtalk as DingTalk posts it: the message, signed for <paramref name="timestamp"/> (or with the given signature).</summary>
    public static HttpRequestMessage Callback(JsonObject message, long timestamp, string? sign = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/dingtalk") { Content = new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("sign", sign ?? Sign(timestamp, ClientSecret));
        return request;
    }

    /// <summary>A robot message as DingTalk writes it (text), for a callback body or a stream frame's data.</summary>
    public JsonObject Message(string msgId, string staffId, string text, string conversationId = "cidGroup01==", bool group = true, DateTimeOffset? webhookExpires = null) => new()
    {
        ["msgId"] = msgId,
        ["msgtype"] = "text",
        ["text"] = new JsonObject { ["content"] = " " + text },
        ["conversationId"] = conversationId,
        ["conversationType"] = group ? "2" : "1",
        ["conversationTitle"] = group ? "综合组工作群" : null,
        ["senderStaffId"] = staffId,
        ["senderNick"] = "测试用户" + staffId,
        ["senderId"] = "$:LWCP_v1:$" + staffId,
        ["chatbotUserId"] = "$:LWCP_v1:$robot",
        ["robotCode"] = RobotCode,
        ["isInAtList"] = true,
        ["createAt"] = 1781485200000,
        ["sessionWebhook"] = SessionWebhook(msgId),
        ["sessionWebhookExpiredTime"] = (webhookExpires ?? DateTimeOffset.UtcNow.AddHours(100)).ToUnixTimeMilliseconds(),
    };

    public Task WaitConnectedAsync(int count, TimeSpan timeout) => Eventually.WaitAsync(() => connections >= count && socket?.State == WebSocketState.Open, timeout);

    /// <summary>Pushes a frame to the newest connected stream client; without a messageId when it is null (as DingTalk's disconnect).</summary>
    public async Task PushAsync(string type, string topic, string? messageId, string data)
    {
        var headers = new JsonObject { ["topic"] = topic, ["contentType"] = "application/json", ["time"] = "1781485200000" };
        if (messageId is not null)
        {
            headers["messageId"] = messageId;
        }

        var frame = new JsonObject { ["specVersion"] = "1.0", ["type"] = type, ["headers"] = headers, ["data"] = data };
        var target = socket!;
        await sendGate.WaitAsync();
        try
        {
            await target.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendGate.Release();
        }
    }

    private readonly SemaphoreSlim sendGate = new(1, 1);

    private int open;

    /// <summary>The most stream connections open at one time (2: a new one was opened before the old one closed).</summary>
    public int MostOpenAtOnce { get; private set; }

    /// <summary>Session webhook replies held until the test releases them (a slow turn), by session.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> HeldSessions { get; } = new();

    public Task PushMessageAsync(string frameId, JsonObject message) => PushAsync("CALLBACK", "/v1.0/im/bot/messages/get", frameId, message.ToJsonString());

    /// <summary>Drops the connection without a closing handshake, as a network failure would.</summary>
    public void Drop() => socket?.Abort();

    private void Map(WebApplication app)
    {
        app.UseWebSockets();
        app.MapPost("/v1.0/oauth2/accessToken", async (HttpContext http) =>
        {
            var body = await ReadAsync(http);
            if (body?["appKey"]?.GetValue<string>() != ClientId || body["appSecret"]?.GetValue<string>() != ClientSecret)
            {
                return Results.Json(new { code = "invalidClientIdOrSecret", message = "wrong app key or secret" }, statusCode: 400);
            }

            var token = "token-" + Guid.NewGuid().ToString("N");
            tokens[token] = true;
            return Results.Json(new { accessToken = token, expireIn = 7200 });
        });
        app.MapPost("/v1.0/robot/groupMessages/send", (Delegate)((HttpContext http) => SendAsync(http, "group", ["msgKey", "msgParam", "openConversationId", "robotCode"])));
        app.MapPost("/v1.0/robot/oToMessages/batchSend", (Delegate)((HttpContext http) => SendAsync(http, "person", ["msgKey", "msgParam", "robotCode", "userIds"])));
        app.MapPost("/v1.0/robot/messageFiles/download", async (HttpContext http) =>
        {
            var body = await ReadAsync(http);
            if (!HasToken(http))
            {
                return Results.Json(new { code = "InvalidAuthentication", message = "token" }, statusCode: 401);
            }

            var code = body?["downloadCode"]?.GetValue<string>();
            if (code is null || body!["robotCode"]?.GetValue<string>() != RobotCode || !Files.ContainsKey(code))
            {
                return Results.Json(new { code = "invalidParameter", message = "downloadCode" }, statusCode: 400);
            }

            return Results.Json(new { downloadUrl = $"{BaseUrl}files/{Uri.EscapeDataString(code)}" });
        });
        app.MapGet("/files/{code}", (string code) => Files.TryGetValue(code, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
        app.MapPost("/robot/sendBySession", async (HttpContext http) =>
        {
            var body = await ReadAsync(http);
            if (body?["msgtype"]?.GetValue<string>() is not ("text" or "markdown" or "actionCard") || string.IsNullOrEmpty(http.Request.Query["session"]))
            {
                return Results.Json(new { errcode = 300001, errmsg = "bad message" });
            }

            body["session"] = http.Request.Query["session"].ToString();
            if (HeldSessions.TryGetValue(body["session"]!.GetValue<string>(), out var hold))
            {
                await hold.Task;
            }

            Sent.Enqueue(("session", body));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        app.MapPost("/v1.0/gateway/connections/open", async (HttpContext http) =>
        {
            var body = await ReadAsync(http);
            var subscribed = body?["subscriptions"]?.AsArray().Any(s => s?["type"]?.GetValue<string>() == "CALLBACK" && s["topic"]?.GetValue<string>() == "/v1.0/im/bot/messages/get") == true;
            if (body?["clientId"]?.GetValue<string>() != ClientId || body["clientSecret"]?.GetValue<string>() != ClientSecret || !subscribed)
            {
                return Results.Json(new { code = "invalidClient", message = "wrong client or no robot subscription" }, statusCode: 400);
            }

            Registrations.Enqueue(body);
            var ticket = Guid.NewGuid().ToString("N");
            tickets[ticket] = true;
            return Results.Json(new { endpoint = BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "connect", ticket });
        });
        app.Map("/connect", async (HttpContext http) =>
        {
            // A ticket is good for one connection.
            if (!http.WebSockets.IsWebSocketRequest || !tickets.TryRemove(http.Request.Query["ticket"].ToString(), out _))
            {
                http.Response.StatusCode = 401;
                return;
            }

            using var ws = await http.WebSockets.AcceptWebSocketAsync();
            socket = ws;
            Interlocked.Increment(ref connections);
            lock (tickets)
            {
                MostOpenAtOnce = Math.Max(MostOpenAtOnce, ++open);
            }

            var buffer = new byte[64 * 1024];
            try
            {
                while (ws.State == WebSocketState.Open)
                {
                    var result = await ws.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    Acks.Enqueue(JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!.AsObject());
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Dropped on purpose (Drop) or by the client.
            }
            finally
            {
                lock (tickets)
                {
                    open--;
                }
            }
        });
    }

    private async Task<IResult> SendAsync(HttpContext http, string kind, string[] fields)
    {
        http.Request.EnableBuffering();
        var raw = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync();
        http.Request.Body.Position = 0;
        var body = await ReadAsync(http);
        if (!HasToken(http))
        {
            return Results.Json(new { code = "InvalidAuthentication", message = "不合法的access_token" }, statusCode: 401);
        }

        if (body is null || fields.Any(f => body[f] is null) || body["robotCode"]!.GetValue<string>() != RobotCode
            || JsonNode.Parse(body["msgParam"]!.GetValue<string>()) is not JsonObject)
        {
            return Results.Json(new { code = "invalidParameter", message = "missing or malformed field" }, statusCode: 400);
        }

        // DingTalk's documented limit for a send's msgParam (help.dingtalk.io "the robot sends a group
        // message": "The length must not exceed 15,000 bytes"), counted as the UTF-8 bytes of the string.
        if (System.Text.Encoding.UTF8.GetByteCount(body["msgParam"]!.GetValue<string>()) > MaxMsgParamBytes)
        {
            return Results.Json(new { code = "invalidParameter.msgParam.invalid", message = "msgParam too long" }, statusCode: 400);
        }

        LastRawBodies.Enqueue(raw);
        if (FailNextSendWith is { } status)
        {
            FailNextSendWith = null;
            return Results.Json(new { code = FailNextSendCode, message = FailNextSendMessage }, statusCode: status);
        }

        if (kind == "person" && ThrottleNextPersonSend)
        {
            ThrottleNextPersonSend = false;
            return Results.Json(new { processQueryKey = Guid.NewGuid().ToString("N"), flowControlledStaffIdList = body["userIds"], invalidStaffIdList = Array.Empty<string>() });
        }

        Sent.Enqueue((kind, body));
        return Results.Json(new { processQueryKey = Guid.NewGuid().ToString("N") });
    }

    private bool HasToken(HttpContext http) => tokens.TryGetValue(http.Request.Headers["x-acs-dingtalk-access-token"].ToString(), out var valid) && valid;

    private static async Task<JsonObject?> ReadAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hold in HeldSessions.Values)
        {
            hold.TrySetResult();
        }

        socket?.Abort();
        await app.DisposeAsync();
    }
}
