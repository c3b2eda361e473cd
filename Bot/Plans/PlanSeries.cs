namespace CampaignBot.Plans;

/// <summary>A recurring duty (a row with 周期): its occurrences are among the plan's tasks.</summary>
public sealed record PlanSeries(string Code, string Title, string Rule, int LeadDays);
