using System.Security.Claims;

namespace CampaignBot.Security;

/// <summary>
/// The identity of turns of this process's own Web Chat channel (DirectLine/). Azure's Direct Line
/// channel has the same channel id, so such a turn is told by its identity, not by its channel id.
/// </summary>
public static class EmbeddedChannelIdentity
{
    public const string AuthenticationType = "directline-embedded";

    public static bool Is(ClaimsIdentity? identity) => identity?.AuthenticationType == AuthenticationType;
}
