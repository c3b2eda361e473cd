namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// A reminder that had nowhere to go: due for an office with no chat bound and no robot. Kept, so
/// that a chat bound later gets it at the next send time while it still helps.
/// </summary>
public sealed record UnreachedReminder(long TaskId, DateOnly Occurrence, string Kind, long OfficeId, DateOnly SendDay);
