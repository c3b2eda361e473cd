using CampaignBot.Chat.Replies;
using Microsoft.Bot.Schema;

namespace CampaignBot.Chat.Outgoing;

/// <summary>An outgoing message as a Bot Framework activity: cards with buttons where the channel shows them, the picture (if any) after the text.</summary>
public static class OutgoingActivity
{
    public static IMessageActivity Of(OutgoingMessage message, string channelId)
    {
        var activity = ReplyRenderer.Render(message.Reply, channelId);
        if (message.Picture is { } picture)
        {
            activity.Attachments ??= [];
            activity.Attachments.Add(new Attachment("image/png", picture.DataUrl, name: picture.FileName));
        }

        return activity;
    }
}
