namespace CampaignBot.Ledger;

/// <summary>A task's completion state as an audit row keeps it, before or after a change.</summary>
/// <param name="DoneById">Who completed it, so that undoing a reopen restores exactly that.</param>
/// <param name="Evidence">The evidence the change added, by id, so that undoing it withdraws exactly those.</param>
public sealed record TaskSnapshot(string Status, DateTimeOffset? DoneAt, string? DoneByName, long? DoneById, int EvidenceCount, string? Reason, IReadOnlyList<long> Evidence);
