namespace CampaignBot.Understanding;

/// <summary>One name the ledger knows: an office (by its name or an alias) or a person.</summary>
public sealed record KnownName(string Canonical, bool IsOffice);
