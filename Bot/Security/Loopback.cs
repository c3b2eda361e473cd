using System.Net;

namespace CampaignBot.Security;

/// <summary>Whether an address is this machine's own (localhost, 127.0.0.0/8, ::1): what Development may trust.</summary>
public static class Loopback
{
    public static bool Is(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
