namespace CampaignBot.Understanding.Commands;

/// <summary>撤回佐证 12: a piece of evidence added by mistake, withdrawn by its sender or a coordinator.</summary>
public sealed record WithdrawEvidenceCommand(long EvidenceId, ReplyLanguage Language) : ChatCommand(Language);
