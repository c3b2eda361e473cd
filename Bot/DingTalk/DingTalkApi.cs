using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Extensions.Options;

namespace CampaignBot.DingTalk;

/// <summary>
/// The app's calls to DingTalk: send to a group (/v1.0/robot/groupMessages/send) or to people
/// (/v1.0/robot/oToMessages/batchSend), answer through a message's session webhook, and turn a
/// file's download code into its download link (/v1.0/robot/messageFiles/download). Only
/// DingTalk:ApiBaseUrl and, for session webhooks, DingTalk:WebhookBaseUrl are called. Failures are
/// classified for the outbox: 429, 5xx, timeouts and network errors are worth retrying
/// (<see cref="TransientSendException"/>); a chat that no longer has the robot is gone
/// (<see cref="TargetGoneException"/>); anything else fails the message.
/// </summary>
public sealed class DingTalkApi(IHttpClientFactory clients, DingTalkAccessToken tokens, IOptions<DingTalkOptions> options, TimeProvider time)
{
    public const string HttpClientName = "dingtalk";

    private const string TokenHeader = "x-acs-dingtalk-access-token";

    /// <summary>Both DingTalk's API and robots count sends per minute; after a rate-limit answer, wait for the next minute.</summary>
    private static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(60);

    private DingTalkOptions Settings => options.Value;

    public Task SendToGroupAsync(string openConversationId, DingTalkContent content, CancellationToken cancellationToken)
    {
        var (key, param) = DingTalkWireFormat.Template(content);
        return PostWithTokenAsync("/v1.0/robot/groupMessages/send",
            new JsonObject { ["msgKey"] = key, ["msgParam"] = param, ["openConversationId"] = openConversationId, ["robotCode"] = Settings.EffectiveRobotCode },
            "group send", cancellationToken);
    }

    public Task SendToPersonAsync(string staffId, DingTalkContent content, CancellationToken cancellationToken)
    {
        var (key, param) = DingTalkWireFormat.Template(content);
        return PostWithTokenAsync("/v1.0/robot/oToMessages/batchSend",
            new JsonObject { ["msgKey"] = key, ["msgParam"] = param, ["robotCode"] = Settings.EffectiveRobotCode, ["userIds"] = new JsonArray(staffId) },
            "1:1 send", cancellationToken);
    }

    /// <summary>Whether a message's session webhook may be used now: unexpired, and under DingTalk:WebhookBaseUrl.</summary>
    public bool MayUseSessionWebhook(string? webhook, long? expiresAtMilliseconds) =>
        expiresAtMilliseconds is { } expires && time.GetUtcNow().ToUnixTimeMilliseconds() < expires
        && Uri.TryCreate(webhook, UriKind.Absolute, out var url) && Under(url, Settings.WebhookBaseUrl);

    /// <summary>Answers through a session webhook (valid for the message's session, about 90 minutes; no token needed).</summary>
    public async Task SendToSessionAsync(string webhook, DingTalkContent content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, webhook) { Content = Json(DingTalkWireFormat.SessionBody(content)) }, "session reply", cancellationToken);
        await ThrowIfFailedAsync(response, "session reply", cancellationToken);
        // A session webhook answers like a custom robot: HTTP 200 with an errcode.
        var body = await ReadAsync(response, cancellationToken);
        if (body.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var n) && n != 0)
        {
            throw n == 130101
                ? new TransientSendException($"DingTalk session reply: errcode {n}", RateLimitWait)
                : new InvalidOperationException($"DingTalk session reply: errcode {n} {(body.TryGetProperty("errmsg", out var m) ? m.GetString() : "")}");
        }
    }

    /// <summary>The temporary download link of a file a user sent to the robot.</summary>
    public async Task<Uri> DownloadUrlAsync(string downloadCode, CancellationToken cancellationToken)
    {
        var body = await PostWithTokenAsync("/v1.0/robot/messageFiles/download",
            new JsonObject { ["downloadCode"] = downloadCode, ["robotCode"] = Settings.EffectiveRobotCode }, "file download", cancellationToken);
        return body.TryGetProperty("downloadUrl", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var link)
            && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)
            ? link
            : throw new HttpRequestException("DingTalk answered the file download request without a download link");
    }

    /// <summary>
    /// Registers a stream connection (POST /v1.0/gateway/connections/open, with the app's client id
    /// and secret, subscribed to robot messages): the WebSocket endpoint and its one-time ticket.
    /// </summary>
    public async Task<(Uri Endpoint, string Ticket)> OpenStreamAsync(CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["clientId"] = Settings.ClientId,
            ["clientSecret"] = Settings.ClientSecret,
            ["subscriptions"] = new JsonArray(new JsonObject { ["type"] = "CALLBACK", ["topic"] = DingTalkStreamFrames.RobotTopic }),
            ["ua"] = "campaignbot-dotnet/1.0",
        };
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, Settings.Api("/v1.0/gateway/connections/open")) { Content = Json(request) }, "stream open", cancellationToken);
        await ThrowIfFailedAsync(response, "stream open", cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        var endpoint = body.TryGetProperty("endpoint", out var e) ? e.GetString() : null;
        var ticket = body.TryGetProperty("ticket", out var t) ? t.GetString() : null;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url) || string.IsNullOrEmpty(ticket) || !AllowedStreamScheme(url))
        {
            throw new HttpRequestException("DingTalk answered the stream registration without a usable endpoint and ticket");
        }

        return (url, ticket);
    }

    /// <summary>For the outbox and replies: HTTP failures as DingTalk states them, classified.</summary>
    public static async Task ThrowIfFailedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var detail = await DetailAsync(response, cancellationToken);
        throw response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new TransientSendException($"DingTalk {what}: HTTP 429 {detail}", response.Headers.RetryAfter?.Delta ?? RateLimitWait),
            HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError => new TransientSendException($"DingTalk {what}: HTTP {status} {detail}"),
            HttpStatusCode.Unauthorized => new DingTalkTokenRejectedException($"DingTalk {what}: HTTP 401 {detail}"),
            HttpStatusCode.NotFound or HttpStatusCode.Forbidden => new TargetGoneException($"DingTalk {what}: HTTP {status} {detail}"),
            _ when detail.Contains("robot", StringComparison.OrdinalIgnoreCase) && detail.Contains("not", StringComparison.OrdinalIgnoreCase) && detail.Contains("group", StringComparison.OrdinalIgnoreCase)
                => new TargetGoneException($"DingTalk {what}: HTTP {status} {detail}"),
            _ => new InvalidOperationException($"DingTalk {what}: HTTP {status} {detail}"),
        };
    }

    private async Task<JsonElement> PostWithTokenAsync(string path, JsonObject body, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(cancellationToken);
            var request = new HttpRequestMessage(HttpMethod.Post, Settings.Api(path)) { Content = Json(body) };
            request.Headers.Add(TokenHeader, token);
            using var response = await SendAsync(request, what, cancellationToken);
            try
            {
                await ThrowIfFailedAsync(response, what, cancellationToken);
            }
            catch (DingTalkTokenRejectedException) when (attempt == 1)
            {
                // Revoked or expired early (the secret was reset): once more with a new token.
                tokens.Forget();
                continue;
            }

            return await ReadAsync(response, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new TransientSendException($"DingTalk {what}: {e.HttpRequestError}", null, e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TransientSendException($"DingTalk {what}: timed out", null, e);
            }
        }
    }

    /// <summary>Serialised up front, so the request carries a Content-Length (some gateways refuse chunked bodies).</summary>
    private static ByteArrayContent Json(JsonObject body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>DingTalk's error body ({"code":…,"message":…}), short, for the outbox's record; never a credential.</summary>
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(response, cancellationToken);
        if (body.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        var code = body.TryGetProperty("code", out var c) ? c.ToString() : "";
        var message = body.TryGetProperty("message", out var m) ? m.ToString() : "";
        var detail = $"{code} {message}".Trim();
        return detail.Length <= 200 ? detail : detail[..200];
    }

    /// <summary>The stream endpoint DingTalk names is wss; plain ws only when the API itself is plain http (a local stand-in).</summary>
    private bool AllowedStreamScheme(Uri endpoint) =>
        endpoint.Scheme == Uri.UriSchemeWss || (endpoint.Scheme == Uri.UriSchemeWs && Settings.ApiBaseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    private static bool Under(Uri target, string baseUrl) =>
        Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var root)
        && target.Scheme == root.Scheme
        && string.Equals(target.IdnHost, root.IdnHost, StringComparison.OrdinalIgnoreCase)
        && target.Port == root.Port
        && string.IsNullOrEmpty(target.UserInfo)
        && target.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal);
}

/// <summary>DingTalk refused the access token (401): renewed and tried once more, then a failure.</summary>
public sealed class DingTalkTokenRejectedException(string message) : Exception(message);
