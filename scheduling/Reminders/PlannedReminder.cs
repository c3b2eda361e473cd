using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// One reminder: for a task's occurrence (its deadline), of a kind, to a target. The four together
/// are its identity; the outbox records each once. The weekly report has no task and its
/// occurrence is the Monday of its week.
/// </summary>
public sealed record PlannedReminder(long? TaskId, DateOnly Occurrence, string Kind, MessageTarget Target);
