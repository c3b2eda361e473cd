namespace CampaignBot.Chat.Replies;

/// <summary>Where a task stands, in words (还有 3 天, 今天到期, 逾期 2 天, 已完成), and how much it asks for attention.</summary>
public sealed record ReplyState(string Text, ReplyTone Tone);
