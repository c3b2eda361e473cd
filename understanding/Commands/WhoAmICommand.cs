namespace CampaignBot.Understanding.Commands;

public sealed record WhoAmICommand(ReplyLanguage Language) : ChatCommand(Language);
