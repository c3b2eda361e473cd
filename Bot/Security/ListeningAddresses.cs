using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CampaignBot.Security;

/// <summary>
/// Where the bot listens, as Kestrel says once started: whether anyone but this machine can reach
/// it. The sample sign-in lets whoever reaches the page be a coordinator, so where others can, it
/// is off unless configured on.
/// </summary>
public sealed class ListeningAddresses(IServiceProvider services)
{
    /// <summary>
    /// True when every address is a loopback one (localhost, 127.0.0.0/8, ::1), or when the host has
    /// no network addresses (in process, as in tests).
    /// </summary>
    public bool LoopbackOnly => Addresses.All(IsLoopback);

    public IReadOnlyList<string> Addresses =>
        services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>"http://localhost:3978" and "http://127.0.0.1:3978" are loopback; "http://0.0.0.0:3978", "http://*:3978", "http://[::]:3978" and named hosts are not.</summary>
    public static bool IsLoopback(string address)
    {
        var host = address.Split("://", 2) is [_, var rest] ? rest : address;
        host = host.Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']')] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
