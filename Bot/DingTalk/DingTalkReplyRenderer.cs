using CampaignBot.Chat.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CampaignBot.DingTalk;

/// <summary>
/// Renders the bot's replies in a DingTalk turn: the activity carries the DingTalk message itself
/// (its ChannelData), which <see cref="DingTalkAdapter"/> sends as it is; the text is the reply's
/// plain form, for logs and transcripts.
/// </summary>
public sealed class DingTalkReplyRenderer(ReplyTexts texts) : IReplyRenderer
{
    public IMessageActivity Render(ChatReply reply, string? channelId)
    {
        var activity = MessageFactory.Text(ReplyRenderer.PlainText(reply));
        activity.TextFormat = TextFormatTypes.Plain;
        activity.ChannelData = DingTalkRenderer.Render(reply, texts);
        return activity;
    }
}
