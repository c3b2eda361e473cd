namespace CampaignBot.Plans;

public sealed record PlanImportResult(PlanWriteSummary? Summary, IReadOnlyList<PlanRowError> Errors)
{
    public bool Succeeded => Summary is not null;
}
