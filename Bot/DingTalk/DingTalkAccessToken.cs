using System.Text.Json;
using System.Text.Json.Nodes;
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
            var answer = await DingTalkHttp.PostAsync(clients.CreateClient(DingTalkApi.HttpClientName), settings.Api("/v1.0/oauth2/accessToken"),
                new JsonObject { ["appKey"] = settings.ClientId, ["appSecret"] = settings.ClientSecret }, "access token", null, cancellationToken);
            var token = DingTalkHttp.Text(answer, "accessToken");
            var seconds = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("expireIn", out var expireIn) && expireIn.TryGetInt32(out var s) ? s : 7200;
            if (string.IsNullOrEmpty(token))
            {
                // A 200 that is not the answer (a gateway's page): worth another try later.
                throw new TransientSendException("DingTalk answered the access token request without a token");
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
