namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>A list the board shows in part: its first tasks and how many there are in all ("and N more").</summary>
public sealed record BoardList(int Count, IReadOnlyList<BoardTask> Tasks);
