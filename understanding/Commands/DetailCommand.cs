namespace CampaignBot.Understanding.Commands;

public sealed record DetailCommand(string Code, ReplyLanguage Language) : ChatCommand(Language);
