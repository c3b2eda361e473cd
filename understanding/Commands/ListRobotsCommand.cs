namespace CampaignBot.Understanding.Commands;

public sealed record ListRobotsCommand(ReplyLanguage Language) : ChatCommand(Language);
