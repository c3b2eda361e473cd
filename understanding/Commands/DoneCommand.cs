namespace CampaignBot.Understanding.Commands;

public sealed record DoneCommand(string Code, string? Note, ReplyLanguage Language) : ChatCommand(Language);
