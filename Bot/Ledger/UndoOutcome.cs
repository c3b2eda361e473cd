namespace CampaignBot.Ledger;

/// <summary>What undoing a change (撤销) did.</summary>
public abstract record UndoOutcome
{
    private UndoOutcome()
    {
    }

    /// <param name="Action">The audit action undone (task.done, evidence.add, task.reopen, extension.request, task.reassign, task.snooze).</param>
    /// <param name="SnoozeTarget">For an undone snooze: the chat whose scheduled reminder the caller must unschedule.</param>
    public sealed record Undone(LedgerTask Task, string Action, int EvidenceWithdrawn, string? SnoozeTarget) : UndoOutcome
    {
        /// <summary>For an undone snooze that had replaced an earlier one: that day, to be scheduled again.</summary>
        public DateOnly? SnoozeBackTo { get; init; }
    }

    public sealed record NotFound(long ChangeId) : UndoOutcome;

    public sealed record UnknownPerson : UndoOutcome;

    /// <summary>Only who made the change, or a coordinator, may undo it.</summary>
    public sealed record NotPermitted(LedgerTask Task) : UndoOutcome;

    /// <summary>The task changed again since (or the change was undone already): undoing this one would undo the later one too.</summary>
    public sealed record Superseded(LedgerTask Task, string LaterAction, DateTimeOffset LaterAt) : UndoOutcome;

    /// <summary>A change that cannot be taken back this way (an extension request already decided).</summary>
    public sealed record NotUndoable(LedgerTask Task) : UndoOutcome;
}
