namespace CampaignBot.Understanding.Commands;

public sealed record OverdueCommand(bool WholeCampaign, ReplyLanguage Language) : ScopedCommand(WholeCampaign, Language);
