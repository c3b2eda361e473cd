namespace CampaignBot.Scheduling.Delivery;

/// <summary>A message waiting in the outbox: pending, or caught in flight by a crash.</summary>
public sealed record OutboxMessage(long Id, MessageTarget Target);
