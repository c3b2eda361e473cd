namespace CampaignBot.Understanding.Commands;

/// <param name="WholeCampaign">The user said 全部/all: ignore the chat's or person's office.</param>
public sealed record DueCommand(DateWindow Window, bool WholeCampaign, ReplyLanguage Language) : ScopedCommand(WholeCampaign, Language);
