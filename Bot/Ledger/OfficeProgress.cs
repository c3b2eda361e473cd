namespace CampaignBot.Ledger;

public sealed record OfficeProgress
{
    public long OfficeId { get; init; }
    public string OfficeName { get; init; } = "";
    public int Total { get; init; }
    public int Done { get; init; }
    public int Overdue { get; init; }
}
