namespace CampaignBot.Outbox;

/// <summary>To the coordinators: someone asks for a later deadline (with 同意 / 驳回 buttons).</summary>
public sealed record ExtensionRequestedNotice(long RequestId) : Notice;
