namespace CampaignBot.Understanding.Commands;

public sealed record ProgressCommand(ReplyLanguage Language) : ChatCommand(Language);
