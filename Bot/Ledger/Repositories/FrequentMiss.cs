namespace CampaignBot.Ledger.Repositories;

/// <summary>A message text and how often it was missed in a period.</summary>
public sealed record FrequentMiss(string Text, int Count, string Outcome, string Channels, DateTimeOffset LastAt);
