namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>
/// An evaluation item (测评项目): its tasks, how many are done, how many have evidence, how many
/// should have it by now (due by today, or done), and of those how many have none (<see cref="EvidenceGaps"/>:
/// what an inspection would find missing; a task not yet due is not missing anything).
/// </summary>
public sealed record ItemLine(string Item, int Total, int Done, int WithEvidence, int DueSoFar, int EvidenceGaps, IReadOnlyList<BoardTask> Tasks);
