namespace CampaignBot.Ledger;

/// <summary>What marking a task done, adding evidence to it or reopening it did: changed, or why not.</summary>
public abstract record TaskChangeOutcome
{
    private TaskChangeOutcome()
    {
    }

    /// <param name="AuditId">The change's audit row, by which 撤销 undoes it.</param>
    public sealed record Changed(LedgerTask Task, long AuditId) : TaskChangeOutcome;

    /// <summary>
    /// Nothing to change: done already (完成), open already (重新打开), or for evidence, no note and no
    /// file to add.
    /// </summary>
    public sealed record AlreadyInState(LedgerTask Task) : TaskChangeOutcome;

    public sealed record TaskNotFound(string Code) : TaskChangeOutcome;

    public sealed record UnknownPerson : TaskChangeOutcome;

    /// <summary>Only people of the task's offices, and coordinators, may change it (<see cref="Permissions.CanChange"/>).</summary>
    public sealed record NotPermitted(LedgerTask Task) : TaskChangeOutcome;
}
