namespace CampaignBot.Chat.Replies;

/// <summary>One listed thing (usually a task): a title line, a detail line, optional body, buttons.</summary>
public sealed record ReplyItem(string Title, string Subtitle, IReadOnlyList<ReplyAction> Buttons, string? Body = null);
