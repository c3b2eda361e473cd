namespace CampaignBot.Understanding;

/// <summary>
/// An office as the reader needs it from the ledger: its ledger name, and every name people use for it
/// (that name and its aliases). Plain data, so that the engine knows nothing of the ledger's types.
/// </summary>
public sealed record NamedOffice(string Name, IReadOnlyList<string> Names);
