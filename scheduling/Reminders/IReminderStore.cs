using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>What the planner reads: open tasks, where reminders can go, and the workday calendar.</summary>
public sealed record PlanningInput(IReadOnlyList<ReminderTask> Tasks, ReminderTargets Targets, IWorkdayCalendar Calendar)
{
    /// <summary>Reminders of earlier send days that had no chat to go to (see <see cref="UnreachedReminder"/>).</summary>
    public IReadOnlyList<UnreachedReminder> Unreached { get; init; } = [];
}

/// <summary>A reminder with the send time it belongs to.</summary>
public sealed record ScheduledReminder(PlannedReminder Reminder, DateOnly SendDay, DateTimeOffset SendAt);

/// <summary>The ledger side of reminders, implemented by the bot over its database.</summary>
public interface IReminderStore
{
    Task<PlanningInput> LoadPlanningInputAsync(CancellationToken cancellationToken);

    /// <summary>The latest send day planned so far, or null on a new installation.</summary>
    Task<DateOnly?> LastPlannedDayAsync(CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: records the days as planned and each reminder not recorded before (its
    /// identity is task, occurrence, kind and target), grouped into one outbox message per target
    /// and run (a catch-up run joins several missed days into one message). Returns how many were new.
    /// Reminders that had nowhere to go are kept until their office can be reached.
    /// </summary>
    Task<int> EnqueueAsync(
        IReadOnlyList<DateOnly> days, IReadOnlyList<ScheduledReminder> reminders, int dropped, DateTimeOffset now, CancellationToken cancellationToken,
        IReadOnlyList<UnreachedReminder>? unreached = null);
}
