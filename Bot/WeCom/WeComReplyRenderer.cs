using CampaignBot.Chat.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CampaignBot.WeCom;

/// <summary>
/// Renders the bot's replies in a WeCom turn: the activity carries the WeCom content itself (its
/// ChannelData), which <see cref="WeComAdapter"/> sends; the text is the reply's plain form, for logs.
/// </summary>
public sealed class WeComReplyRenderer : IReplyRenderer
{
    public static readonly WeComReplyRenderer Instance = new();

    public IMessageActivity Render(ChatReply reply, string? channelId)
    {
        var activity = MessageFactory.Text(ReplyRenderer.PlainText(reply));
        activity.TextFormat = TextFormatTypes.Plain;
        activity.ChannelData = WeComRenderer.Render(reply);
        return activity;
    }
}
