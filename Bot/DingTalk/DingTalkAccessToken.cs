using System.Net.Http.Json;
using System.Text.Json;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Extensions.Options;

namespace CampaignBot.DingTalk;

/// <summary>
/// The app's access token (POST /v1.0/oauth2/accessToken with appKey and appSecret, valid for
/// expireIn seconds, 7,200 today), kept in memory and renewed five minutes before it expires or when
/// DingTalk rejects it; one request at a time, so a burst of sends asks once.
/// </summary>
public sealed class DingTalkAccessToken(IHttpClientFactory clients, IOptions<DingTalkOptions> options, TimeProvider time)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } kept && time.GetUtcNow() < kept.ExpiresAt - RenewBefore)
            {
                return kept.Token;
            }

            var settings = options.Value;
            HttpResponseMessage response;
            try
            {
                response = await clients.CreateClient(DingTalkApi.HttpClientName).PostAsJsonAsync(
                    settings.Api("/v1.0/oauth2/accessToken"), new { appKey = settings.ClientId, appSecret = settings.ClientSecret }, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new TransientSendException($"DingTalk access token: {e.HttpRequestError}", null, e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TransientSendException("DingTalk access token: timed out", null, e);
            }

            using var answer = response;
            await DingTalkApi.ThrowIfFailedAsync(response, "access token", cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var token = body.TryGetProperty("accessToken", out var t) ? t.GetString() : null;
            var seconds = body.TryGetProperty("expireIn", out var expireIn) && expireIn.TryGetInt32(out var s) ? s : 7200;
            if (string.IsNullOrEmpty(token))
            {
                throw new HttpRequestException("DingTalk answered the access token request without a token");
            }

            current = (token, time.GetUtcNow() + TimeSpan.FromSeconds(seconds));
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets a token DingTalk no longer accepts, so the next call asks for a new one.</summary>
    public void Forget() => current = null;
}
