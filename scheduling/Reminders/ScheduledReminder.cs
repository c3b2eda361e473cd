namespace CampaignBot.Scheduling.Reminders;

/// <summary>A reminder with the send time it belongs to.</summary>
public sealed record ScheduledReminder(PlannedReminder Reminder, DateOnly SendDay, DateTimeOffset SendAt);
