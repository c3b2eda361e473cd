namespace CampaignBot.Chat.Parsing;

public sealed record HelpCommand(ReplyLanguage Language) : ChatCommand(Language);
