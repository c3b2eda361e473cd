namespace CampaignBot.Scheduling.Reminders;

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
    /// Reminders that had nowhere to go are kept until their office can be reached; those
    /// <paramref name="resolved"/> (reachable now) are forgotten.
    /// </summary>
    Task<int> EnqueueAsync(
        IReadOnlyList<DateOnly> days, IReadOnlyList<ScheduledReminder> reminders, int dropped, DateTimeOffset now, CancellationToken cancellationToken,
        IReadOnlyList<UnreachedReminder>? unreached = null, IReadOnlyList<UnreachedReminder>? resolved = null);
}
