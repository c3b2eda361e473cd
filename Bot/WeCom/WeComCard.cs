using CampaignBot.Chat.Replies;

namespace CampaignBot.WeCom;

/// <summary>
/// A button_interaction template card: a title and up to six buttons, each with the command it sends
/// as its key. WeCom reports a press as a template_card_event naming the key; the bot runs it as if
/// typed. The task id is unique per card, as WeCom requires of a bot's cards.
/// </summary>
public sealed record WeComCard(string TaskId, string Title, string? Description, IReadOnlyList<ReplyAction> Buttons);
