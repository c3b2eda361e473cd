namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>
/// An evaluation item's numbers (as <see cref="ItemLine"/>); with one item chosen, also its first
/// tasks (those lacking evidence first) and, folded to one line each, the recurring duties' future occurrences.
/// </summary>
public sealed record ItemSummary(string Item, int Total, int Done, int WithEvidence, int DueSoFar, int EvidenceGaps, BoardList? Tasks)
{
    public IReadOnlyList<UpcomingSeries>? Upcoming { get; init; }
}
