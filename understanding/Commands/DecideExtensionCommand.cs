namespace CampaignBot.Understanding.Commands;

/// <summary>同意延期 12 / 驳回延期 12 理由: a coordinator decides a request.</summary>
public sealed record DecideExtensionCommand(long RequestId, bool Approve, string? Note, ReplyLanguage Language) : ChatCommand(Language);
