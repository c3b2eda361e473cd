namespace CampaignBot.DirectLine;

public sealed record StoredAttachment(string Id, string ConversationId, string UserId, string Name, string ContentType, long SizeBytes);
