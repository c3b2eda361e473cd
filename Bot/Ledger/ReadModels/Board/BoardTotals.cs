namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>The shown tasks' counts: the whole campaign's, or with an office chosen its lead tasks and those it helps with (as the lists show them).</summary>
public sealed record BoardTotals(int Total, int Done, int DueSoFar, int Overdue);
