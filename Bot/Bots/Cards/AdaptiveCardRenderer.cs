using CampaignBot.Chat.Replies;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace CampaignBot.Bots.Cards;

/// <summary>
/// Replies for the Bot Framework channels: the header (and footer) as the message's text, the items
/// as one Adaptive Card (<see cref="ReplyCard"/>) where the channel shows cards, the report's chart
/// as an inline picture, suggestions as quick replies. Elsewhere the same content as text.
/// </summary>
public sealed class AdaptiveCardRenderer : IReplyRenderer
{
    public static readonly AdaptiveCardRenderer Instance = new();

    /// <summary>Channels known to render Adaptive Cards 1.5 and suggested actions.</summary>
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        Channels.Msteams, Channels.Emulator, Channels.Webchat, Channels.Directline, "directlinespeech",
    };

    public static bool ShowsCards(string? channelId) => channelId is not null && CardChannels.Contains(channelId);

    public IMessageActivity Render(ChatReply reply, string? channelId)
    {
        var cards = ShowsCards(channelId) && reply.Items.Count > 0;
        var activity = ReplyRenderer.TextActivity(cards ? reply with { Items = [] } : reply);
        if (cards)
        {
            activity.Attachments = [new Attachment(ReplyCard.ContentType, content: ReplyCard.Of(reply.Items))];
        }

        if (reply.Picture is { } picture)
        {
            activity.Attachments ??= [];
            activity.Attachments.Add(new Attachment("image/png", picture.DataUrl, name: picture.FileName));
        }

        return activity;
    }
}
