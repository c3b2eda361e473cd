namespace CampaignBot.Plans;

/// <summary>A bad row: the sheet it is on, its row number as the spreadsheet shows it, and why.</summary>
public sealed record PlanRowError(string Sheet, int Row, string Reason)
{
    public override string ToString() => $"{Sheet} 第 {Row} 行: {Reason}";
}
