using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.DingTalk;

/// <summary>
/// One call to DingTalk: a JSON POST (serialised up front, so it carries a Content-Length, which some
/// gateways require), with the app's token when it needs one, and its failure classified for the
/// outbox: 429, DingTalk's per-second limit (403 Forbidden.AccessDenied.Qps…), 5xx, timeouts and network
/// errors are worth retrying (<see cref="TransientSendException"/>); 401 is a token DingTalk no longer
/// accepts; only DingTalk's documented codes for a robot removed from a group or a group that is gone
/// (<see cref="ChatGoneCodes"/>) mean a chat is gone (<see cref="TargetGoneException"/>, and only for
/// sends to a chat); anything else, a missing permission
/// or a spent quota included (other Forbidden.* codes), fails the message and shows in the report without
/// unbinding anything. Errors quote DingTalk's code and message, never a credential.
/// </summary>
public static class DingTalkHttp
{
    public const string TokenHeader = "x-acs-dingtalk-access-token";

    /// <summary>DingTalk counts sends per minute; after a rate-limit answer, wait for the next minute.</summary>
    public static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(60);

    /// <summary>The answer's JSON (default when it is not JSON), after a successful status.</summary>
    /// <param name="toChat">A send to a chat, whose failure may say the chat is gone; false for the token, the stream and file calls.</param>
    public static async Task<JsonElement> PostAsync(HttpClient client, Uri url, JsonObject body, string what, string? token, CancellationToken cancellationToken, bool toChat = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(body) };
        if (token is not null)
        {
            request.Headers.Add(TokenHeader, token);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new TransientSendException($"DingTalk {what}: {e.HttpRequestError}", null, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientSendException($"DingTalk {what}: timed out", null, e);
        }

        using (response)
        {
            var answer = await ReadAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response, answer, what, toChat);
            }

            return answer;
        }
    }

    /// <summary>DingTalk's per-app, per-API limit of calls a second: the request was not processed, so trying again is safe.</summary>
    public static readonly TimeSpan PerSecondLimitWait = TimeSpan.FromSeconds(2);

    private static Exception Failure(HttpResponseMessage response, JsonElement answer, string what, bool toChat)
    {
        var status = (int)response.StatusCode;
        var detail = Detail(answer);
        var message = $"DingTalk {what}: HTTP {status} {detail}".TrimEnd();
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new TransientSendException(message, response.Headers.RetryAfter?.Delta ?? RateLimitWait),
            HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError => new TransientSendException(message),
            HttpStatusCode.Unauthorized => new DingTalkTokenRejectedException(message),
            HttpStatusCode.Forbidden when detail.Contains("QpsLimit", StringComparison.OrdinalIgnoreCase) => new TransientSendException(message, PerSecondLimitWait),
            _ when toChat && ChatGoneCodes.Contains(Code(answer)) => new TargetGoneException(message),
            // Anything else fails the message without unbinding: it is listed as undelivered, with DingTalk's code, in the weekly report.
            _ => new InvalidOperationException(message),
        };
    }

    /// <summary>
    /// DingTalk's error codes for a chat the robot can no longer send to, as its robot message APIs
    /// document them: "invalidParameter.robotCode.notExsit" (机器人不存在，请检查机器人是否在群内: the
    /// robot was removed from the group) and "invalid.openConversationId" (无效的openConversationId:
    /// the group is gone). Matched by code, exactly; DingTalk's wording is not relied on.
    /// </summary>
    public static readonly IReadOnlySet<string> ChatGoneCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "invalidParameter.robotCode.notExsit",
        "invalid.openConversationId",
    };

    private static string Code(JsonElement answer) => Text(answer, "code") ?? "";

    /// <summary>DingTalk's error body ({"code":…,"message":…}), short, for the outbox's record.</summary>
    private static string Detail(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        var code = answer.TryGetProperty("code", out var c) ? c.ToString() : "";
        var message = answer.TryGetProperty("message", out var m) ? m.ToString() : "";
        var detail = $"{code} {message}".Trim();
        return detail.Length <= 200 ? detail : detail[..200];
    }

    private static ByteArrayContent Json(JsonObject body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString(DingTalkWireFormat.Utf8)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>A text property of an answer; null when the answer is not a JSON object (a gateway's HTML page) or lacks it.</summary>
    public static string? Text(JsonElement answer, string name) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

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
}
