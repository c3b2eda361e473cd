using System.Net;
using System.Net.Sockets;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// Whether the bot may send messages to a model endpoint (docs/SECURITY.md, "Where the bot calls
/// out"): http or https, no user info, and a host on the intranet — a private, loopback or
/// link-local address written as such — or a name the operator listed in Understanding:Model:AllowedHosts.
/// A name is never trusted for what it resolves to: the operator names it, or it is refused.
/// </summary>
public static class ModelEndpointPolicy
{
    public static string? Refusal(string endpoint, IReadOnlyCollection<string> allowedHosts)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "Understanding:Model:Endpoint must be an absolute http or https url.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Understanding:Model:Endpoint must not carry a user name or password; set Understanding:Model:ApiKey in the environment.";
        }

        if (allowedHosts.Any(h => string.Equals(h.Trim(), uri.IdnHost, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IsIntranet(address)
            ? null
            : $"Understanding:Model:Endpoint host '{uri.IdnHost}' is not on the intranet (a private or loopback address); list it in Understanding:Model:AllowedHosts to allow it.";
    }

    public static bool IsIntranet(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // fc00::/7 (unique local) and fe80::/10 (link-local).
            var first = address.GetAddressBytes();
            return (first[0] & 0xFE) == 0xFC || address.IsIPv6LinkLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            // 100.64.0.0/10, carrier-grade NAT space, which some government networks use inside.
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
