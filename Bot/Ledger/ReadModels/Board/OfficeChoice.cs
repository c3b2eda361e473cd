namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>An office the board's office filter offers.</summary>
public sealed record OfficeChoice(long Id, string Name);
