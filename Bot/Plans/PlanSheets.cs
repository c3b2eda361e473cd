namespace CampaignBot.Plans;

/// <summary>The sheets a plan file may hold, by name.</summary>
public sealed record PlanSheets(IReadOnlyList<PlanRow> Tasks, IReadOnlyList<PlanRow> Offices, IReadOnlyList<PlanRow> People);
