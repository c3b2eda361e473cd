namespace CampaignBot.Board;

/// <summary>An evaluation item's numbers; with one item chosen, also its first tasks (those lacking evidence first).</summary>
public sealed record ItemSummary(string Item, int Total, int Done, int WithEvidence, BoardList? Tasks)
{
    public int EvidenceGaps => Total - WithEvidence;
}
