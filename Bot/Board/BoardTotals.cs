namespace CampaignBot.Board;

/// <summary>The whole board's (or the filtered part's) counts: the sum of the office lines.</summary>
public sealed record BoardTotals(int Total, int Done, int DueSoFar, int Overdue);
