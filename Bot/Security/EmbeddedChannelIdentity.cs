using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;

namespace CampaignBot.Security;

/// <summary>
/// The identity of turns of this process's own Web Chat channel (DirectLine/). Azure's Direct Line
/// channel has the same channel id, so such a turn is told by its identity, not by its channel id,
/// and never by a url an activity carries: only the channel's own entry point makes this identity.
/// </summary>
public static class EmbeddedChannelIdentity
{
    public const string AuthenticationType = "directline-embedded";

    /// <summary>
    /// What a chat of the embedded channel stores as its service url: not an address (the channel
    /// is in this process), and not http(s), so /api/messages refuses it in an activity (ActivityShape)
    /// and the bot never posts to it. Written only for turns with this identity
    /// (CampaignActivityHandler); a proactive message to a chat that has it runs with this identity.
    /// </summary>
    public const string ServiceUrl = "urn:campaignbot:directline-embedded";

    /// <summary>
    /// The service url a proactive turn to such a chat shows the SDK, whose CloudAdapter takes any url
    /// not starting with "http" for a streaming connection. Never called: this channel's connector
    /// factory ignores the url (and the reserved .invalid name resolves nowhere).
    /// </summary>
    public const string ProactiveServiceUrl = "http://directline-embedded.invalid/";

    public static bool Is(ClaimsIdentity? identity) => identity?.AuthenticationType == AuthenticationType;

    /// <summary>The identity the embedded channel's turns, and proactive messages to its chats, run with: the bot's own.</summary>
    public static ClaimsIdentity Create(string? appId)
    {
        var claims = new List<Claim>();
        if (appId is { Length: > 0 })
        {
            claims.Add(new Claim(AuthenticationConstants.AudienceClaim, appId));
            claims.Add(new Claim(AuthenticationConstants.AppIdClaim, appId));
        }

        return new ClaimsIdentity(claims, AuthenticationType);
    }
}
