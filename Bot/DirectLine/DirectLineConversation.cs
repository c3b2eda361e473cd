namespace CampaignBot.DirectLine;

public sealed record DirectLineConversation(string Id, string UserId, string? UserName);
