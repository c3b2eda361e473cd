namespace CampaignBot.Understanding.Commands;

public sealed record UnbindCommand(ReplyLanguage Language) : ChatCommand(Language);
