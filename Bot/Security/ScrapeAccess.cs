using Microsoft.AspNetCore.Http;

namespace CampaignBot.Security;

/// <summary>
/// Who may read /metrics: a caller whose own address (the TCP peer; the bot does not read
/// forwarded-for headers) is in <see cref="AllowedNetworks"/>. Behind a reverse proxy every
/// request's peer is the proxy, usually 127.0.0.1, so a request that shows it came through one
/// (X-Forwarded-For, Forwarded, X-Real-IP, or the SSO proxy's user header) is refused whatever its
/// peer: browsers reach the bot only through the proxy, Prometheus scrapes the port directly.
/// </summary>
public sealed class ScrapeAccess(AllowedNetworks networks, string? trustedUserHeader)
{
    private static readonly string[] ProxyHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];

    /// <summary>Null when allowed; otherwise why not, for the log.</summary>
    public string? Refusal(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (ProxyHeaders.FirstOrDefault(headers.ContainsKey) is { } forwarded)
        {
            return $"it came through a proxy ({forwarded})";
        }

        if (!string.IsNullOrWhiteSpace(trustedUserHeader) && headers.ContainsKey(trustedUserHeader))
        {
            return $"it came through the sign-in proxy ({trustedUserHeader})";
        }

        return networks.Allows(context.Connection.RemoteIpAddress)
            ? null
            : $"{context.Connection.RemoteIpAddress?.ToString() ?? "an unknown address"} is not in Metrics:AllowedNetworks";
    }
}
