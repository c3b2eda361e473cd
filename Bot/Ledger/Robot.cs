namespace CampaignBot.Ledger;

/// <summary>A group robot as stored: whose it is, what kind, where to post, and its signing secret.</summary>
public sealed record Robot
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public string OfficeName { get; init; } = "";
    public RobotKind Kind { get; init; }
    public string Url { get; init; } = "";
    public string? Secret { get; init; }
    public string Source { get; init; } = "";

    public bool IsDingTalk => Kind == RobotKind.DingTalk;
}
