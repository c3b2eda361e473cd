namespace CampaignBot.Chat.Parsing;

/// <summary>佐证 T017: a task's evidence with each file's state.</summary>
public sealed record ListEvidenceCommand(string Code, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>补充佐证 T017 说明 (+ files): evidence added to a task without changing its state.</summary>
public sealed record AddEvidenceCommand(string Code, string? Note, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>撤回佐证 12: a piece of evidence added by mistake, withdrawn by its sender or a coordinator.</summary>
public sealed record WithdrawEvidenceCommand(long EvidenceId, ReplyLanguage Language) : ChatCommand(Language);
