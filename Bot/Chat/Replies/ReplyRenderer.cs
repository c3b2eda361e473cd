using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CampaignBot.Chat.Replies;

/// <summary>
/// A <see cref="ChatReply"/> as plain text, for channels that show neither cards nor markdown (and
/// as the text that goes with a card): the header, numbered items with their details, the footer.
/// Each channel's own renderer (<see cref="IReplyRenderer"/>) builds its cards from the model.
/// </summary>
public static class ReplyRenderer
{
    /// <summary>The whole reply as text: header, numbered items with their details, footer.</summary>
    public static string PlainText(ChatReply reply)
    {
        var lines = new List<string> { reply.Header };
        if (reply.Items is [{ IsDetail: true } single])
        {
            lines.Add(single.Title);
            lines.AddRange(single.Lines);
        }
        else
        {
            lines.AddRange(reply.Items.Select((item, i) => $"{i + 1}. {item.Title} · {item.Subtitle}"));
        }

        if (reply.Footer is not null)
        {
            lines.Add(reply.Footer);
        }

        return string.Join("\n", lines.Where(l => l.Length > 0));
    }

    /// <summary>The reply as a text message, its suggestions as quick replies where the channel has them.</summary>
    public static IMessageActivity TextActivity(ChatReply reply)
    {
        var activity = MessageFactory.Text(PlainText(reply));
        activity.TextFormat = TextFormatTypes.Plain;
        if (reply.Suggestions.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = reply.Suggestions.Select(s => new CardAction(ActionTypes.ImBack, s.Title, value: s.Value)).ToList(),
            };
        }

        return activity;
    }
}
