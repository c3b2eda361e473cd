namespace CampaignBot.Ledger;

/// <summary>A recurring duty's record so far: of its occurrences due by today, how many were done (中心组学习 9/10).</summary>
public sealed record SeriesProgress
{
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string Rule { get; init; } = "";
    public int DueSoFar { get; init; }
    public int Done { get; init; }
    public int Total { get; init; }
}
