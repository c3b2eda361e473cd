namespace CampaignBot.Reminders;

/// <summary>What scheduling a snooze did: nothing (reminders are off here), or scheduled it, replacing the chat's earlier one.</summary>
internal sealed record SnoozeScheduled(bool Scheduled, DateOnly? Replaced)
{
    /// <summary>The snooze's audit row (撤销 takes it back by it).</summary>
    public long AuditId { get; init; }
}
