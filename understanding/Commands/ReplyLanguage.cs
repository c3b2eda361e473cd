namespace CampaignBot.Chat.Parsing;

public enum ReplyLanguage
{
    Chinese,
    English,
}
