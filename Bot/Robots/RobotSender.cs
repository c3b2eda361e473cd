using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Security;

namespace CampaignBot.Robots;

/// <summary>
/// Posts robot messages. Both services answer HTTP 200 with an errcode: 0 is success, their
/// rate-limit codes (DingTalk 130101, WeCom 45009) and HTTP 429/5xx/timeouts are retried, anything
/// else fails the message. Neither the webhook address nor the secret is ever logged: the HTTP
/// client for robots has no request logging, and errors name the robot by id.
/// </summary>
public sealed class RobotSender(IHttpClientFactory clients, RobotWebhookPolicy webhooks, TimeProvider time)
{
    public const string HttpClientName = "robots";

    private static readonly HashSet<int> RateLimitCodes = [130101, 45009];

    /// <summary>Both services count sends per minute; after a rate-limit answer, wait for the next minute.</summary>
    private static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(60);

    public async Task SendAsync(RobotDelivery delivery, CancellationToken cancellationToken)
    {
        var robot = delivery.Robot;
        if (!webhooks.Allows(robot.Url))
        {
            // Not retried: the address will not become allowed by waiting.
            throw new InvalidOperationException($"robot {robot.Id}: its webhook address is not on an allowed host; not sent");
        }

        var url = robot.IsDingTalk && robot.Secret is { } secret ? DingTalkSignature.SignedUrl(robot.Url, secret, time.GetUtcNow()) : robot.Url;
        object payload = robot.IsDingTalk
            ? new { msgtype = "markdown", markdown = new { title = delivery.Title, text = delivery.Markdown }, at = new { atMobiles = delivery.AtMobiles, atUserIds = delivery.AtUserIds, isAtAll = false } }
            : new { msgtype = "markdown", markdown = new { content = delivery.Markdown } };

        HttpResponseMessage response;
        try
        {
            // Serialised up front, so the request carries a Content-Length: some gateways and proxies refuse a chunked body (411).
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            response = await clients.CreateClient(HttpClientName).PostAsync(url, content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new TransientSendException($"robot {robot.Id}: {e.HttpRequestError}", null, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientSendException($"robot {robot.Id}: timed out", null, e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new TransientSendException($"robot {robot.Id}: HTTP 429", response.Headers.RetryAfter?.Delta ?? RateLimitWait);
            }

            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                throw new TransientSendException($"robot {robot.Id}: HTTP {(int)response.StatusCode}");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"robot {robot.Id}: HTTP {(int)response.StatusCode}");
            }

            var (code, message) = await ErrorOfAsync(response, cancellationToken);
            if (code == 0)
            {
                return;
            }

            if (RateLimitCodes.Contains(code))
            {
                throw new TransientSendException($"robot {robot.Id}: errcode {code} {message}", RateLimitWait);
            }

            throw new InvalidOperationException($"robot {robot.Id}: errcode {code} {message}");
        }
    }

    private static async Task<(int Code, string Message)> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var code = body.TryGetProperty("errcode", out var c) && c.TryGetInt32(out var n) ? n : -1;
            var message = body.TryGetProperty("errmsg", out var m) ? m.GetString() ?? "" : "";
            return (code, message);
        }
        catch (JsonException)
        {
            return (-1, "the answer was not JSON");
        }
    }
}
