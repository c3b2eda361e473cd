namespace CampaignBot.Chat.Parsing;

public sealed record BindOfficeCommand(string OfficeName, ReplyLanguage Language) : ChatCommand(Language);
