namespace CampaignBot.Chat.Replies;

/// <summary>A button: what it says, and the message it sends back when pressed (imBack).</summary>
public sealed record ReplyAction(string Title, string Value);
