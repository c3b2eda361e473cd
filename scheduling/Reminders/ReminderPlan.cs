namespace CampaignBot.Scheduling.Reminders;

/// <summary>The reminders of one or more send days: what was planned, kept, and dropped as stale.</summary>
public sealed record ReminderPlan(IReadOnlyList<DateOnly> Days, IReadOnlyList<ScheduledReminder> Reminders, int Dropped)
{
    /// <summary>What these send days hold for offices that nothing reaches.</summary>
    public IReadOnlyList<UnreachedReminder> Unreached { get; init; } = [];

    /// <summary>What these send days hold for offices with no chat that reach them through their people's 1:1 chats.</summary>
    public IReadOnlyList<PeopleReach> ThroughPeople { get; init; } = [];

    /// <summary>Reminders of earlier send days that had nowhere to go and can be reached now (planned with these days if they still help).</summary>
    public IReadOnlyList<UnreachedReminder> Resolved { get; init; } = [];
}
