namespace CampaignBot.Chat.Parsing;

public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Acknowledgement,
    Wishes,
}
