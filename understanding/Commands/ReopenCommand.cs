namespace CampaignBot.Chat.Parsing;

public sealed record ReopenCommand(string Code, string? Reason, ReplyLanguage Language) : ChatCommand(Language);
