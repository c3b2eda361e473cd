namespace CampaignBot.Understanding.Commands;

/// <summary>补充佐证 T017 说明 (+ files): evidence added to a task without changing its state.</summary>
public sealed record AddEvidenceCommand(string Code, string? Note, ReplyLanguage Language) : ChatCommand(Language);
