namespace CampaignBot.Ledger;

/// <summary>What a coordinator's decision on an extension request did.</summary>
public abstract record ExtensionDecisionOutcome
{
    private ExtensionDecisionOutcome()
    {
    }

    public sealed record Decided(long RequestId, bool Approved, LedgerTask Task, DateOnly NewDue) : ExtensionDecisionOutcome;

    public sealed record NotCoordinator : ExtensionDecisionOutcome;

    public sealed record RequestNotFound(long RequestId) : ExtensionDecisionOutcome;

    public sealed record AlreadyDecided(long RequestId, bool Approved) : ExtensionDecisionOutcome;

    /// <summary>The deadline has moved to <see cref="LedgerTask.DueOn"/> since (an import), past the day asked: approving would bring it forward.</summary>
    public sealed record NoLongerLater(long RequestId, LedgerTask Task, DateOnly Asked) : ExtensionDecisionOutcome;

    /// <summary>The asker took the request back (撤销) before anyone decided it.</summary>
    public sealed record Withdrawn(long RequestId) : ExtensionDecisionOutcome;

    /// <summary>A request asked before the limit existed (or before it was lowered) is not approved past it.</summary>
    public sealed record TooFar(LedgerTask Task, DateOnly Latest) : ExtensionDecisionOutcome;
}
