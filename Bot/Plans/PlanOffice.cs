namespace CampaignBot.Plans;

public sealed record PlanOffice(string Name, string Aliases, string Kind);
