using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Extensions.Options;

namespace CampaignBot.DingTalk;

/// <summary>
/// The app's calls to DingTalk: send to a group (/v1.0/robot/groupMessages/send) or to a person
/// (/v1.0/robot/oToMessages/batchSend), answer through a message's session webhook, and turn a
/// file's download code into its download link (/v1.0/robot/messageFiles/download). Only
/// DingTalk:ApiBaseUrl and, for session webhooks, DingTalk:WebhookBaseUrl are called; failures are
/// classified for the outbox by <see cref="DingTalkHttp"/>.
/// </summary>
public sealed class DingTalkApi(IHttpClientFactory clients, DingTalkAccessToken tokens, IOptions<DingTalkOptions> options, TimeProvider time)
{
    public const string HttpClientName = "dingtalk";

    /// <summary>A session webhook answers like a custom robot: HTTP 200 with errcode 130101 when rate-limited.</summary>
    private const int SessionRateLimited = 130101;

    private DingTalkOptions Settings => options.Value;

    private HttpClient Client => clients.CreateClient(HttpClientName);

    public Task SendToGroupAsync(string openConversationId, DingTalkContent content, CancellationToken cancellationToken)
    {
        var (key, param) = DingTalkWireFormat.Template(content);
        return PostWithTokenAsync("/v1.0/robot/groupMessages/send",
            new JsonObject { ["msgKey"] = key, ["msgParam"] = param, ["openConversationId"] = openConversationId, ["robotCode"] = Settings.EffectiveRobotCode },
            "group send", cancellationToken, toChat: true);
    }

    /// <remarks>
    /// DingTalk answers a 1:1 send with 200 even when it did not deliver: a staff id in
    /// flowControlledStaffIdList was throttled (tried again later), one in invalidStaffIdList cannot be
    /// reached by the app (the person left, or is outside the app's range: the chat is gone).
    /// </remarks>
    public async Task SendToPersonAsync(string staffId, DingTalkContent content, CancellationToken cancellationToken)
    {
        var (key, param) = DingTalkWireFormat.Template(content);
        var answer = await PostWithTokenAsync("/v1.0/robot/oToMessages/batchSend",
            new JsonObject { ["msgKey"] = key, ["msgParam"] = param, ["robotCode"] = Settings.EffectiveRobotCode, ["userIds"] = new JsonArray(staffId) },
            "1:1 send", cancellationToken, toChat: true);
        if (Lists(answer, "flowControlledStaffIdList", staffId))
        {
            throw new TransientSendException("DingTalk 1:1 send: throttled (flowControlledStaffIdList)", DingTalkHttp.RateLimitWait);
        }

        if (Lists(answer, "invalidStaffIdList", staffId))
        {
            throw new TargetGoneException("DingTalk 1:1 send: the app cannot reach this person (invalidStaffIdList)");
        }
    }

    private static bool Lists(JsonElement answer, string list, string staffId) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(list, out var ids) && ids.ValueKind == JsonValueKind.Array
        && ids.EnumerateArray().Any(id => id.ValueKind == JsonValueKind.String && id.GetString() == staffId);

    /// <summary>Whether a message's session webhook may be used now: unexpired, and under DingTalk:WebhookBaseUrl.</summary>
    public bool MayUseSessionWebhook(string? webhook, long? expiresAtMilliseconds) =>
        expiresAtMilliseconds is { } expires && time.GetUtcNow().ToUnixTimeMilliseconds() < expires
        && Uri.TryCreate(webhook, UriKind.Absolute, out var url) && string.IsNullOrEmpty(url.UserInfo)
        && Uri.TryCreate(Settings.WebhookBaseUrl, UriKind.Absolute, out var root) && Security.RobotWebhookPolicy.IsUnder(url, root);

    /// <summary>Answers through a session webhook (valid for the message's session, about 90 minutes; no token needed).</summary>
    public async Task SendToSessionAsync(string webhook, DingTalkContent content, CancellationToken cancellationToken)
    {
        var answer = await DingTalkHttp.PostAsync(Client, new Uri(webhook), DingTalkWireFormat.SessionBody(content), "session reply", null, cancellationToken, toChat: true);
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var n) && n != 0)
        {
            var message = $"DingTalk session reply: errcode {n} {(answer.TryGetProperty("errmsg", out var m) ? m.GetString() : "")}";
            throw n == SessionRateLimited ? new TransientSendException(message, DingTalkHttp.RateLimitWait) : new InvalidOperationException(message);
        }
    }

    /// <summary>The temporary download link of a file a user sent to the robot.</summary>
    public async Task<Uri> DownloadUrlAsync(string downloadCode, CancellationToken cancellationToken)
    {
        var answer = await PostWithTokenAsync("/v1.0/robot/messageFiles/download",
            new JsonObject { ["downloadCode"] = downloadCode, ["robotCode"] = Settings.EffectiveRobotCode }, "file download", cancellationToken);
        return answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("downloadUrl", out var url)
            && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)
            ? link
            : throw new InvalidOperationException("DingTalk answered the file download request without a download link");
    }

    private async Task<JsonElement> PostWithTokenAsync(string path, JsonObject body, string what, CancellationToken cancellationToken, bool toChat = false)
    {
        try
        {
            return await DingTalkHttp.PostAsync(Client, Settings.Api(path), body, what, await tokens.GetAsync(cancellationToken), cancellationToken, toChat);
        }
        catch (DingTalkTokenRejectedException)
        {
            // Revoked or expired early (the secret was reset): once more with a new token.
            tokens.Forget();
            return await DingTalkHttp.PostAsync(Client, Settings.Api(path), body, what, await tokens.GetAsync(cancellationToken), cancellationToken, toChat);
        }
    }
}
