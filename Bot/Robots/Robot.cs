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
