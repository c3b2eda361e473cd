namespace CampaignBot.Scheduling.Delivery;

/// <summary>A chat's reminders of one run (or a snooze): the (task, kind) pairs still worth sending when claimed.</summary>
public sealed record ReminderList(IReadOnlyList<ReminderItem> Items) : OutboxContent;
