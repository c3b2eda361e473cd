namespace CampaignBot.Outbox;

/// <summary>To both offices' chats: a task was handed over (转办) from one office, by someone.</summary>
public sealed record HandoverNotice(long TaskId, long FromOfficeId, long ByPersonId) : Notice;
