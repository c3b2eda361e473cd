namespace CampaignBot.DirectLine;

/// <summary>A person using the bot's pages (Web Chat, the board), by their chat account.</summary>
public sealed record WebUser(string AccountId, string Name);
