namespace CampaignBot.Chat.Parsing;

public sealed record OverdueCommand(bool WholeCampaign, ReplyLanguage Language) : ScopedCommand(WholeCampaign, Language);
