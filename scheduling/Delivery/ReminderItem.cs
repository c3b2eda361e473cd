namespace CampaignBot.Scheduling.Delivery;

/// <summary>One task reminded in a message, and of what kind (due-3, overdue-1, escalation, snooze:…).</summary>
public sealed record ReminderItem(long TaskId, string Kind);
