namespace CampaignBot.EvidenceFiles;

public enum FileCheck
{
    Intact,
    Missing,
    Changed,
}
