using System.Text.RegularExpressions;

namespace CampaignBot.Security;

/// <summary>
/// Robot credentials are shown only in part: a webhook's access_token or key is as secret as the
/// signing secret (either lets anyone post into the group).
/// </summary>
public static partial class RobotSecrets
{
    public static string Mask(string? secret) =>
        string.IsNullOrEmpty(secret) ? "" : secret.Length <= 8 ? "****" : $"{secret[..3]}…{secret[^4..]}";

    public static string MaskUrl(string url) => CredentialInQuery().Replace(url, m => m.Groups["name"].Value + "=" + Mask(m.Groups["value"].Value));

    [GeneratedRegex(@"(?<name>access_token|key)=(?<value>[^&]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialInQuery();
}
