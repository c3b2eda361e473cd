using Microsoft.Extensions.Options;

namespace CampaignBot.EvidenceFiles;

/// <summary>
/// Which evidence links the bot fetches, and which get its own token. A channel's message can carry
/// links its sender wrote (Azure Web Chat, a custom Direct Line client), so being authenticated is not
/// enough: the bot fetches only from the channel's own service (the origin of the conversation's
/// validated serviceUrl, where inline images live) and from the file hosts a channel hands out
/// pre-authorised links on (Teams: SharePoint), plus configured hosts; in Development, the Emulator's
/// files on this machine. Its token goes only to the channel's own service. Everything else stays a link.
/// </summary>
public sealed class EvidenceLinkPolicy(IOptions<EvidenceOptions> options, IHostEnvironment? environment = null)
{
    private readonly string[] fileHosts = [.. options.Value.FileHosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0)];
    private readonly bool development = environment?.IsDevelopment() == true;

    /// <summary>Whether <paramref name="link"/> may be fetched for a message whose validated service url is <paramref name="serviceUrl"/>.</summary>
    public bool MayFetch(Uri link, string? serviceUrl, bool emulator)
    {
        if (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)
        {
            return false;
        }

        if (SameOrigin(link, serviceUrl))
        {
            return true;
        }

        if (emulator)
        {
            // The Emulator serves its attachments from the developer's machine, and only there.
            return development && Security.Loopback.Is(link);
        }

        return (link.Scheme == Uri.UriSchemeHttps || Security.Loopback.Is(link)) && fileHosts.Any(h => HostMatches(link.IdnHost, h));
    }

    /// <summary>The bot's token is for the channel's own service, never for a host a sender could name.</summary>
    public static bool MaySendToken(Uri link, string? serviceUrl) => SameOrigin(link, serviceUrl);

    public static bool SameOrigin(Uri link, string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service)
        && link.Scheme == service.Scheme
        && string.Equals(link.IdnHost, service.IdnHost, StringComparison.OrdinalIgnoreCase)
        && link.Port == service.Port;

    /// <summary>"*.sharepoint.com" matches any subdomain; anything else matches exactly.</summary>
    private static bool HostMatches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);

}
