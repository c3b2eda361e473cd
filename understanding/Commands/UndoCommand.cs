namespace CampaignBot.Understanding.Commands;

/// <summary>撤销操作 N / undo change N: takes back the change audited as N (the 撤销 button a change read from words carries).</summary>
public sealed record UndoCommand(long ChangeId, ReplyLanguage Language) : ChatCommand(Language);
