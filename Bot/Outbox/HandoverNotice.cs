namespace CampaignBot.Outbox;

/// <summary>
/// To both offices' chats: a task was handed over (转办) from one office to another (and owner),
/// by someone. Where it went is kept as decided, so a later hand-over does not rewrite this one.
/// </summary>
public sealed record HandoverNotice(long TaskId, long FromOfficeId, long ToOfficeId, long? OwnerId, long ByPersonId) : Notice;
