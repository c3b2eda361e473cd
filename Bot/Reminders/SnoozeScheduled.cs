namespace CampaignBot.Reminders;

/// <summary>What scheduling a snooze did: nothing (reminders are off here), or scheduled it, replacing the chat's earlier one.</summary>
internal sealed record SnoozeScheduled(bool Scheduled, DateOnly? Replaced);
