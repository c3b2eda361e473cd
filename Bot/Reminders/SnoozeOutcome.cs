using CampaignBot.Ledger;

namespace CampaignBot.Reminders;

/// <summary>What asking for a reminder later (稍后提醒) did.</summary>
public abstract record SnoozeOutcome
{
    private SnoozeOutcome()
    {
    }

    /// <param name="Replaced">The day of the chat's earlier snooze of this task, which this one replaces.</param>
    public sealed record Snoozed(LedgerTask Task, DateOnly Day, TimeOnly At, DateOnly? Replaced) : SnoozeOutcome
    {
        /// <summary>The snooze's audit row (撤销 takes it back by it).</summary>
        public long AuditId { get; init; }

        /// <summary>The day asked for, when it was a rest day and the reminder moved to the next workday (<see cref="Day"/>).</summary>
        public DateOnly? AskedFor { get; init; }
    }

    public sealed record UnknownPerson : SnoozeOutcome;

    public sealed record TooFar(int MaxDays, DateOnly Latest) : SnoozeOutcome;

    public sealed record TaskNotFound(string Code) : SnoozeOutcome;

    public sealed record AlreadyDone(LedgerTask Task) : SnoozeOutcome;

    /// <summary>This process does not send reminders (Reminders:Enabled is false).</summary>
    public sealed record RemindersOff : SnoozeOutcome;
}
