namespace CampaignBot.Scheduling.Reminders;

/// <summary>The reminders of one or more send days: what was planned, kept, and dropped as stale.</summary>
public sealed record ReminderPlan(IReadOnlyList<DateOnly> Days, IReadOnlyList<ScheduledReminder> Reminders, int Dropped)
{
    /// <summary>What these send days hold for offices that nothing reaches.</summary>
    public IReadOnlyList<UnreachedReminder> Unreached { get; init; } = [];
}
