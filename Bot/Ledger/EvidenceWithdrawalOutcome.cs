namespace CampaignBot.Ledger;

/// <summary>What withdrawing a piece of evidence did.</summary>
public abstract record EvidenceWithdrawalOutcome
{
    private EvidenceWithdrawalOutcome()
    {
    }

    public sealed record Withdrawn(LedgerTask Task) : EvidenceWithdrawalOutcome;

    /// <summary>No such evidence, or withdrawn already.</summary>
    public sealed record EvidenceNotFound(long EvidenceId) : EvidenceWithdrawalOutcome;

    public sealed record UnknownPerson : EvidenceWithdrawalOutcome;

    /// <summary>Only who added it, or a coordinator, may withdraw it (<see cref="Permissions.CanTakeBack"/>).</summary>
    public sealed record NotPermitted(LedgerTask Task) : EvidenceWithdrawalOutcome;
}
