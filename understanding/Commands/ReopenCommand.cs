namespace CampaignBot.Understanding.Commands;

public sealed record ReopenCommand(string Code, string? Reason, ReplyLanguage Language) : ChatCommand(Language);
