namespace CampaignBot.Ledger;

/// <summary>What asking for a later deadline did: requested, or why not.</summary>
public abstract record ExtensionRequestOutcome
{
    private ExtensionRequestOutcome()
    {
    }

    /// <param name="CoordinatorsTold">Whether any coordinators' chat was there to be told.</param>
    public sealed record Requested(LedgerTask Task, DateOnly NewDue, long RequestId, bool CoordinatorsTold) : ExtensionRequestOutcome
    {
        /// <summary>The request's audit row, by which 撤销 withdraws it while it is pending.</summary>
        public long AuditId { get; init; }

        /// <summary>The day asked for, when it was a rest day and the deadline moved to the next workday (<see cref="NewDue"/>).</summary>
        public DateOnly? AskedFor { get; init; }
    }

    public sealed record TaskNotFound(string Code) : ExtensionRequestOutcome;

    public sealed record UnknownPerson : ExtensionRequestOutcome;

    /// <summary>Only the lead office and coordinators may ask.</summary>
    public sealed record NotPermitted(LedgerTask Task) : ExtensionRequestOutcome;

    public sealed record AlreadyDone(LedgerTask Task) : ExtensionRequestOutcome;

    public sealed record NotLater(LedgerTask Task) : ExtensionRequestOutcome;

    /// <summary>Past the campaign's furthest deadline (Campaign:MaxDeadlineDaysAhead from today).</summary>
    public sealed record TooFar(LedgerTask Task, DateOnly Latest) : ExtensionRequestOutcome;

    public sealed record AlreadyPending(LedgerTask Task, long RequestId) : ExtensionRequestOutcome;
}
