namespace CampaignBot.Bots;

/// <summary>Who uploaded a file kept by this server, and into which conversation.</summary>
public sealed record UploadedFile(string UserId, string ConversationId);
