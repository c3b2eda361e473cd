namespace CampaignBot.Understanding.Commands;

public sealed record LinkAccountCommand(string PersonName, string AccountId, ReplyLanguage Language) : ChatCommand(Language);
