namespace CampaignBot.Chat.Parsing;

public sealed record DetailCommand(string Code, ReplyLanguage Language) : ChatCommand(Language);
