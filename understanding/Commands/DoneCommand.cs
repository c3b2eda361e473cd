namespace CampaignBot.Chat.Parsing;

public sealed record DoneCommand(string Code, string? Note, ReplyLanguage Language) : ChatCommand(Language);
