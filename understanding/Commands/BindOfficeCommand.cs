namespace CampaignBot.Understanding.Commands;

public sealed record BindOfficeCommand(string OfficeName, ReplyLanguage Language) : ChatCommand(Language);
