namespace CampaignBot.Ledger;

/// <summary>What handing a task over (转办) did.</summary>
public abstract record HandoverOutcome
{
    private HandoverOutcome()
    {
    }

    public sealed record HandedOver(LedgerTask Task) : HandoverOutcome
    {
        /// <summary>The hand-over's audit row, by which 撤销 hands it back.</summary>
        public long AuditId { get; init; }
    }

    public sealed record TaskNotFound(string Code) : HandoverOutcome;

    public sealed record UnknownPerson : HandoverOutcome;

    /// <summary>Only the lead of the task's office or a coordinator may hand it over.</summary>
    public sealed record NotPermitted(LedgerTask Task) : HandoverOutcome;

    /// <summary>Neither an office (name or alias) nor a person of the ledger.</summary>
    public sealed record TargetUnknown(string Name) : HandoverOutcome;

    public sealed record Unchanged(LedgerTask Task) : HandoverOutcome;
}
