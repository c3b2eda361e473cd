namespace CampaignBot.DirectLine;

/// <summary>Who a token speaks for: one user in one conversation, until it expires.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, string? UserName, DateTimeOffset ExpiresAt);
