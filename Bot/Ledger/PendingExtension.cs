namespace CampaignBot.Ledger;

/// <summary>An extension request waiting for a coordinator: which task, who asked, from which deadline to which, and why.</summary>
public sealed record PendingExtension
{
    public long Id { get; init; }
    public long TaskId { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string AskerName { get; init; } = "";
    public string AskerOfficeName { get; init; } = "";
    public DateOnly OldDueOn { get; init; }
    public DateOnly NewDueOn { get; init; }
    public string? Reason { get; init; }
}
