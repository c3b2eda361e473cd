namespace CampaignBot.Scheduling.Delivery;

/// <summary>The weekly progress report, composed from the ledger as it is when sent.</summary>
public sealed record WeeklyReport : OutboxContent;
