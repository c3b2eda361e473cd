namespace CampaignBot.Board;

/// <summary>An evaluation item (测评项目): its tasks, how many are done, and how many have evidence.</summary>
public sealed record ItemLine(string Item, int Total, int Done, int WithEvidence, IReadOnlyList<BoardTask> Tasks)
{
    /// <summary>Tasks with no evidence yet: what an inspection would find missing.</summary>
    public int EvidenceGaps => Total - WithEvidence;
}
