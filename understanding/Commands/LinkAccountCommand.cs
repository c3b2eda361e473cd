namespace CampaignBot.Chat.Parsing;

public sealed record LinkAccountCommand(string PersonName, string AccountId, ReplyLanguage Language) : ChatCommand(Language);
