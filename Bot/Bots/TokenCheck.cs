using Microsoft.IdentityModel.Tokens;

namespace CampaignBot.Bots;

/// <summary>Recognises the SDK's authentication failures that it throws instead of answering 401.</summary>
public static class TokenCheck
{
    public static bool IsUnverifiable(Exception e) =>
        e is SecurityTokenException or SecurityTokenArgumentException || IsKeyDiscoveryFailure(e);

    /// <summary>IDX20803: the OpenID metadata with the signing keys could not be retrieved.</summary>
    public static bool IsKeyDiscoveryFailure(Exception e) =>
        e is InvalidOperationException && e.Message.StartsWith("IDX20803", StringComparison.Ordinal);
}
