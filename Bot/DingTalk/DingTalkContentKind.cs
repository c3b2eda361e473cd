namespace CampaignBot.DingTalk;

public enum DingTalkContentKind
{
    Text,
    Markdown,
    ActionCard,
}
