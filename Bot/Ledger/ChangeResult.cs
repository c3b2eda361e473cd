namespace CampaignBot.Ledger;

public sealed record ChangeResult<T>(ChangeOutcome Outcome, T? Subject)
{
    /// <summary>The audit row of the change made (撤销 undoes it by this id); null when nothing changed.</summary>
    public long? AuditId { get; init; }

    public static ChangeResult<T> Of(ChangeOutcome outcome, T? subject = default) => new(outcome, subject);
}
