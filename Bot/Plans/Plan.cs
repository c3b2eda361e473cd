namespace CampaignBot.Plans;

// A validated implementation plan (实施方案), ready to be written to the ledger in one transaction.

public sealed record Plan(IReadOnlyList<PlanOffice> Offices, IReadOnlyList<PlanPerson> People, IReadOnlyList<PlanTask> Tasks)
{
    public IReadOnlyList<PlanSeries> Series { get; init; } = [];
}
