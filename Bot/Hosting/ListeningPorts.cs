using System.Net;
using System.Net.Sockets;

namespace CampaignBot.Hosting;

/// <summary>
/// Whether the addresses the bot is told to listen on are free, checked before the bot is composed.
/// Kestrel binds only after every hosted service has started, so a taken port used to fail after the
/// ledger was migrated and the sample seeded into a new database, with a stack trace; this check
/// refuses it before anything is written. (Another program may still take the port in the
/// milliseconds between; Kestrel then fails as before.)
/// </summary>
public static class ListeningPorts
{
    /// <summary>The first configured address another program listens on, or null when all are free.</summary>
    public static string? FirstTaken(IConfiguration configuration) =>
        Addresses(configuration).FirstOrDefault(address => EndPoints(address).Any(endPoint => !CanListen(endPoint)));

    /// <summary>Where Kestrel will listen, as ASP.NET Core reads it: Kestrel:Endpoints, else urls (--urls, ASPNETCORE_URLS, appsettings' Urls), else http_ports and https_ports, else its default.</summary>
    private static IEnumerable<string> Addresses(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var ports = Ports(configuration["http_ports"], "http").Concat(Ports(configuration["https_ports"], "https")).ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    private static IEnumerable<string> Ports(string? ports, string scheme) =>
        (ports ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(port => $"{scheme}://*:{port}");

    /// <summary>The sockets Kestrel opens for an address: both loopbacks for localhost, the address itself for an IP, every interface otherwise.</summary>
    private static IEnumerable<IPEndPoint> EndPoints(string address)
    {
        var normalized = address.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return [];
        }

        if (uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))
        {
            return [new IPEndPoint(IPAddress.Loopback, uri.Port), new IPEndPoint(IPAddress.IPv6Loopback, uri.Port)];
        }

        return [new IPEndPoint(IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : IPAddress.Any, uri.Port)];
    }

    /// <remarks>
    /// Binds and listens as Kestrel does (on Unix with SO_REUSEADDR, so a port left in TIME_WAIT by a
    /// bot just stopped counts as free); an address this machine does not have (no IPv6) is Kestrel's to report.
    /// </remarks>
    private static bool CanListen(IPEndPoint endPoint)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(endPoint);
            socket.Listen();
            return true;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode != SocketError.AddressAlreadyInUse;
        }
    }
}
