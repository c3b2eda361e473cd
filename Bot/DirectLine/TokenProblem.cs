namespace CampaignBot.DirectLine;

public enum TokenProblem
{
    None,
    Missing,
    Invalid,
    Expired,
}
