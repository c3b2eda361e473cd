namespace CampaignBot.Plans;

/// <summary>What an import did: the summary of what it wrote, or the bad rows (<see cref="PlanRowError"/>, below) that stopped it.</summary>
public sealed record PlanImportResult(PlanWriteSummary? Summary, IReadOnlyList<PlanRowError> Errors)
{
    public bool Succeeded => Summary is not null;
}

/// <summary>A bad row: the sheet it is on, its row number as the spreadsheet shows it, and why.</summary>
public sealed record PlanRowError(string Sheet, int Row, string Reason)
{
    public override string ToString() => $"{Sheet} 第 {Row} 行: {Reason}";
}
