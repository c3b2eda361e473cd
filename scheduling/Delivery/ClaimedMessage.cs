namespace CampaignBot.Scheduling.Delivery;

/// <summary>A message claimed for sending: where it goes, for which send day, and what it carries.</summary>
public sealed record ClaimedMessage(long Id, MessageTarget Target, DateOnly SendDay, OutboxContent Content);
