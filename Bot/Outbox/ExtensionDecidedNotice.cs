namespace CampaignBot.Outbox;

/// <summary>To the chat that asked: a coordinator approved or rejected the extension request.</summary>
public sealed record ExtensionDecidedNotice(long RequestId) : Notice;
