using System.Net;

namespace CampaignBot.Security;

/// <summary>
/// Which callers may read an operator's endpoint (/metrics): addresses within a list of networks
/// (CIDR), loopback when none is listed. A malformed entry stops the start, naming it, rather than
/// silently allowing less or more than the operator meant.
/// </summary>
public sealed class AllowedNetworks
{
    /// <summary>This machine only: IPv4 loopback and ::1.</summary>
    public static readonly IReadOnlyList<string> Loopback = ["127.0.0.0/8", "::1/128"];

    private readonly IReadOnlyList<IPNetwork> networks;

    public AllowedNetworks(IEnumerable<string>? cidrs)
    {
        var listed = (cidrs ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
        networks = (listed.Count == 0 ? Loopback : listed).Select(Parse).ToList();
    }

    public IReadOnlyList<IPNetwork> Networks => networks;

    /// <summary>
    /// Whether <paramref name="address"/> is inside one of the networks. An IPv4 caller seen on a
    /// dual-stack socket (::ffff:10.1.2.3) is matched as its IPv4 address; no address (a Unix socket,
    /// an in-process host) is never allowed.
    /// </summary>
    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var caller = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(caller));
    }

    private static IPNetwork Parse(string cidr)
    {
        // A bare address is that one host (/32 or /128).
        var text = cidr.Contains('/') ? cidr : IPAddress.TryParse(cidr, out var single)
            ? $"{cidr}/{(single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)}"
            : cidr;
        return IPNetwork.TryParse(text, out var network)
            ? network
            : throw new FormatException($"Metrics:AllowedNetworks: \"{cidr}\" is not a network (write it as 10.1.2.0/24, 10.1.2.3, or ::1/128).");
    }
}
