namespace CampaignBot.Chat.Parsing;

public sealed record ListRobotsCommand(ReplyLanguage Language) : ChatCommand(Language);
