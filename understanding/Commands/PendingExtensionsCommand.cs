namespace CampaignBot.Understanding.Commands;

/// <summary>待审批, pending requests: the extension requests waiting for a decision, with 同意 / 驳回 (coordinators).</summary>
public sealed record PendingExtensionsCommand(ReplyLanguage Language) : ChatCommand(Language);
