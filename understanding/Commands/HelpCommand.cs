namespace CampaignBot.Understanding.Commands;

public sealed record HelpCommand(ReplyLanguage Language) : ChatCommand(Language);
