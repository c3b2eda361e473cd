namespace CampaignBot.Chat.Parsing;

public sealed record ProgressCommand(ReplyLanguage Language) : ChatCommand(Language);
