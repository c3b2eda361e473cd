using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.WeCom.Outgoing;

/// <summary>
/// One call to the WeCom app API: HTTP failures classified for the outbox (network errors, timeouts,
/// 429 and 5xx are worth retrying; any other status fails), and the JSON answer returned as it is,
/// errcode included, for the caller to read. WeCom answers 200 with an errcode for its own refusals.
/// The url carries the access token in its query: it never appears in an error or a log (the client
/// is registered without request logging).
/// </summary>
public static class WeComHttp
{
    public const string HttpClientName = "wecom-app";

    public static Task<JsonObject> GetAsync(HttpClient client, Uri url, string what, CancellationToken cancellationToken) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, url), what, cancellationToken);

    public static Task<JsonObject> PostAsync(HttpClient client, Uri url, JsonObject body, string what, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return SendAsync(client, new HttpRequestMessage(HttpMethod.Post, url) { Content = content }, what, cancellationToken);
    }

    /// <summary>errcode of an answer (0 when absent: gettoken's success carries it, but a missing one is not an error code).</summary>
    public static long ErrCode(JsonObject answer) => answer["errcode"] is JsonValue v && v.TryGetValue<long>(out var code) ? code : 0;

    public static string? ErrMsg(JsonObject answer) => answer["errmsg"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static async Task<JsonObject> SendAsync(HttpClient client, HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new TransientSendException($"WeCom {what}: {e.HttpRequestError}", null, e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TransientSendException($"WeCom {what}: timed out", null, e);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
                {
                    throw new TransientSendException($"WeCom {what}: HTTP {status}", response.Headers.RetryAfter?.Delta);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"WeCom {what}: HTTP {status}");
                }

                try
                {
                    return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                        ?? throw new TransientSendException($"WeCom {what}: the answer is not a JSON object");
                }
                catch (JsonException e)
                {
                    // A gateway's page instead of WeCom's answer: worth another try later.
                    throw new TransientSendException($"WeCom {what}: the answer is not JSON", null, e);
                }
            }
        }
    }
}
