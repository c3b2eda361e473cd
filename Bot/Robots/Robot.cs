using System.Text.RegularExpressions;

namespace CampaignBot.Robots;

/// <summary>A group robot as stored: whose it is, what kind, where to post, and its signing secret.</summary>
public sealed record Robot
{
    public const string TargetPrefix = "robot:";

    public long Id { get; init; }
    public long OfficeId { get; init; }
    public string OfficeName { get; init; } = "";
    public RobotKind Kind { get; init; }
    public string Url { get; init; } = "";
    public string? Secret { get; init; }
    public string Source { get; init; } = "";

    public string Target => TargetPrefix + Id;

    public bool IsDingTalk => Kind == RobotKind.DingTalk;

    public static bool IsTarget(string target) => target.StartsWith(TargetPrefix, StringComparison.Ordinal);

    public static long IdOf(string target) => long.Parse(target[TargetPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
}

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
