namespace CampaignBot.Understanding.Commands;

public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Acknowledgement,
    Wishes,
}
