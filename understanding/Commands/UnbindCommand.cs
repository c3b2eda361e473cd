namespace CampaignBot.Chat.Parsing;

public sealed record UnbindCommand(ReplyLanguage Language) : ChatCommand(Language);
