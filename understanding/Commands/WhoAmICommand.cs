namespace CampaignBot.Chat.Parsing;

public sealed record WhoAmICommand(ReplyLanguage Language) : ChatCommand(Language);
