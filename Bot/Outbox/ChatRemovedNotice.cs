namespace CampaignBot.Outbox;

/// <summary>To the coordinators: a chat removed the bot, and the office it was bound to (if any) is unbound.</summary>
public sealed record ChatRemovedNotice(string ChannelId, string ConversationId, long? OfficeId) : Notice;
