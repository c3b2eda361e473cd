namespace CampaignBot.Understanding.Commands;

public enum ReplyLanguage
{
    Chinese,
    English,
}
