using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace CampaignBot.Security;

/// <summary>
/// What the Bot Framework side trusts: whether /api/messages accepts a request without a token, and
/// which service urls the bot may post to. A service url named by an authenticated channel (a
/// validated Bot Framework JWT, or this process's own Direct Line channel) is the channel's; one
/// named by an unauthenticated caller is only used on the hosts allowed for that, because otherwise
/// anyone could make the bot post (with whatever it sends) to any address it can reach.
/// </summary>
public sealed class ChannelTrust
{
    private readonly HashSet<string> unauthenticatedHosts;
    private readonly bool loopbackAllowed;
    private readonly bool hasAppId;
    private readonly bool development;
    private readonly bool allowedByOperator;
    private readonly ListeningAddresses? listening;

    public ChannelTrust(
        IConfiguration configuration, IOptions<MessagesEndpointOptions> options, IHostEnvironment? environment = null, ListeningAddresses? listening = null)
    {
        hasAppId = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        development = environment?.IsDevelopment() == true;
        allowedByOperator = options.Value.AllowUnauthenticated;
        this.listening = listening;
        unauthenticatedHosts = new HashSet<string>(options.Value.UnauthenticatedServiceUrlHosts.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        loopbackAllowed = development;
    }

    /// <remarks>
    /// Development's open door for the Emulator is open only while the bot listens on this machine
    /// alone, as the sample sign-in is: `--urls http://0.0.0.0:3978` in Development closes it (unless the
    /// operator allows unauthenticated messages), since anyone on the network could then act as anyone.
    /// </remarks>
    public MessagesMode Mode =>
        hasAppId ? MessagesMode.BotFrameworkTokens
        : development && listening?.LoopbackOnly != false ? MessagesMode.DevelopmentUnauthenticated
        : allowedByOperator ? MessagesMode.UnauthenticatedByOperator
        : MessagesMode.Refused;

    /// <summary>A trust without an app id that lets unauthenticated callers name these hosts (tests, benchmarks).</summary>
    public static ChannelTrust Allowing(params string[] hosts) =>
        new(new ConfigurationBuilder().Build(), Options.Create(new MessagesEndpointOptions { AllowUnauthenticated = true, UnauthenticatedServiceUrlHosts = [.. hosts] }));

    /// <summary>Whether the bot has an Azure registration, and so credentials to fetch a channel's files with.</summary>
    public bool HasAppId => hasAppId;

    /// <summary>
    /// Whether the links in a message's attachments may be fetched at all (which ones, is
    /// EvidenceLinkPolicy's): a message from a channel whose token was validated, or, in Development,
    /// from the Emulator. The embedded Direct Line channel's files are its own uploads; a link typed
    /// into it is the user's, and is kept as a link.
    /// </summary>
    public bool MayFetchAttachments(string channelId, ClaimsIdentity? identity) =>
        !EmbeddedChannelIdentity.Is(identity)
        && (IsAuthenticated(identity) || (Mode == MessagesMode.DevelopmentUnauthenticated && channelId == Microsoft.Bot.Connector.Channels.Emulator));

    /// <summary>Whether a request without a Bot Framework token is let in at all.</summary>
    public bool AcceptsUnauthenticated => Mode is MessagesMode.DevelopmentUnauthenticated or MessagesMode.UnauthenticatedByOperator;

    /// <summary>
    /// Whether the turn's identity was established by a channel (a validated token, or the embedded
    /// Direct Line channel's own), rather than the SDK's "anonymous" stand-in for a request without one.
    /// </summary>
    public static bool IsAuthenticated(ClaimsIdentity? identity) =>
        identity?.AuthenticationType is { Length: > 0 } type && type != AuthenticationConstants.AnonymousAuthType;

    /// <summary>Whether the bot may post to <paramref name="serviceUrl"/> for a caller (or a stored chat) that is, or is not, authenticated.</summary>
    public bool MayCall(string? serviceUrl, bool authenticated)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        if (authenticated)
        {
            return true;
        }

        return unauthenticatedHosts.Contains(url.IdnHost) || (loopbackAllowed && Loopback.Is(url));
    }

    public string Describe() => Mode switch
    {
        MessagesMode.BotFrameworkTokens => "/api/messages requires a Bot Framework token (MicrosoftAppId is set)",
        MessagesMode.DevelopmentUnauthenticated => "/api/messages accepts unauthenticated messages (Development, for the Emulator); replies only to loopback service urls",
        MessagesMode.UnauthenticatedByOperator => "/api/messages accepts UNAUTHENTICATED messages (MessagesEndpoint:AllowUnauthenticated): anyone who reaches it can act as any account",
        _ when development => "/api/messages refuses every request (401): Development, but listening beyond this machine; no MicrosoftAppId, and MessagesEndpoint:AllowUnauthenticated is off",
        _ => "/api/messages refuses every request (401): no MicrosoftAppId, and MessagesEndpoint:AllowUnauthenticated is off",
    };

}
