namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>An office's line on the board: its tasks as lead office.</summary>
public sealed record OfficeLine(long OfficeId, string Office, int Total, int Done, int DueSoFar, int Overdue);
