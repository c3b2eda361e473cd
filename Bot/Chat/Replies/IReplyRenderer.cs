using Microsoft.Bot.Schema;

namespace CampaignBot.Chat.Replies;

/// <summary>
/// Shapes a reply as one channel shows it, from the model (never from another renderer's output).
/// A channel's adapter puts its renderer in the turn's state; the Bot Framework channels' (Adaptive
/// Cards) is the default.
/// </summary>
public interface IReplyRenderer
{
    IMessageActivity Render(ChatReply reply, string? channelId);
}
