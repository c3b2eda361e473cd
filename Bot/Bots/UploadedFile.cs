namespace CampaignBot.Bots;

/// <summary>A file kept by this server (its id as stored), who uploaded it, and into which conversation.</summary>
public sealed record UploadedFile(string Id, string UserId, string ConversationId);
