using System.Text.Json.Nodes;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom.Outgoing;

/// <summary>
/// The self-built app's access_token (GET /cgi-bin/gettoken?corpid&amp;corpsecret, valid expires_in
/// seconds, 7,200 today), kept in memory per app and renewed five minutes before it expires or when
/// WeCom refuses it (40001 / 40014 / 42001 / 41001: WeCom may end a token early); one request at a
/// time, so a burst of sends asks once (WeCom limits gettoken calls). A refusal of the request itself
/// (40013 bad corp id, 40001 / 40091 bad secret) is a configuration error: it fails, it does not loop.
/// </summary>
public sealed class WeComAppToken(IHttpClientFactory clients, IOptions<WeComAppOptions> options, TimeProvider time)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? current;

    /// <summary>The token; a new one when <paramref name="refused"/> is the token WeCom just refused.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken, string? refused = null)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Another send may have renewed it already after the same refusal: that one is good.
            if (current is { } kept && kept.Token != refused && time.GetUtcNow() < kept.ExpiresAt - RenewBefore)
            {
                return kept.Token;
            }

            var settings = options.Value;
            var answer = await WeComHttp.GetAsync(clients.CreateClient(WeComHttp.HttpClientName),
                settings.Api($"/cgi-bin/gettoken?corpid={Uri.EscapeDataString(settings.CorpId)}&corpsecret={Uri.EscapeDataString(settings.AppSecret)}"),
                "gettoken", cancellationToken);
            if (WeComHttp.ErrCode(answer) is var code and not 0)
            {
                var failure = WeComErrors.Of(code, WeComHttp.ErrMsg(answer), "gettoken");
                // Not a recipient's problem, whatever the code: only a retry or a configuration error.
                throw failure is TransientSendException ? failure : new InvalidOperationException(failure.Message + " (check WeCom:CorpId and WeCom:AppSecret)");
            }

            var token = answer["access_token"] is JsonValue t && t.TryGetValue<string>(out var text) && text.Length > 0
                ? text
                : throw new TransientSendException("WeCom gettoken: the answer has no access_token");
            var seconds = answer["expires_in"] is JsonValue e && e.TryGetValue<int>(out var s) ? s : 7200;
            current = (token, time.GetUtcNow() + TimeSpan.FromSeconds(seconds));
            return token;
        }
        finally
        {
            gate.Release();
        }
    }
}
