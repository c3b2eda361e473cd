using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace CampaignBot.Chat.Replies;

/// <summary>
/// Shapes a <see cref="ChatReply"/> for the channel it goes to: hero cards with 完成/详情 buttons where
/// the channel shows cards, the same content as numbered text lines where it does not; a picture
/// (the report's chart) after them.
/// </summary>
public static class ReplyRenderer
{
    /// <summary>
    /// Channels known to render hero cards and suggested actions. DingTalk's adapter turns cards into
    /// markdown with one-tap command links, and suggested actions into ActionCard buttons.
    /// </summary>
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        Channels.Msteams, Channels.Emulator, Channels.Webchat, Channels.Directline, "directlinespeech", Ledger.DingTalkAccounts.ChannelId,
    };

    public static bool ShowsCards(string? channelId) => channelId is not null && CardChannels.Contains(channelId);

    public static IMessageActivity Render(ChatReply reply, string? channelId)
    {
        IMessageActivity activity;
        if (ShowsCards(channelId) && reply.Items.Count > 0)
        {
            activity = MessageFactory.Attachment(reply.Items.Select(Card).ToList(), Join(reply.Header, reply.Footer));
            activity.AttachmentLayout = reply.Items.Count > 1 ? AttachmentLayoutTypes.List : null;
        }
        else
        {
            activity = MessageFactory.Text(PlainText(reply));
        }

        if (reply.Picture is { } picture)
        {
            activity.Attachments ??= [];
            activity.Attachments.Add(new Attachment("image/png", picture.DataUrl, name: picture.FileName));
        }

        activity.TextFormat = TextFormatTypes.Plain;
        if (reply.Suggestions.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions { Actions = reply.Suggestions.Select(Button).ToList() };
        }

        return activity;
    }

    /// <summary>The whole reply as text: header, numbered items with their details, footer.</summary>
    public static string PlainText(ChatReply reply)
    {
        var lines = new List<string> { reply.Header };
        if (reply.Items.Count == 1 && reply.Items[0].Body is { } body)
        {
            lines.Add(reply.Items[0].Title);
            lines.Add(body);
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

    /// <remarks>
    /// A card's text is markdown in Web Chat, Teams and the Emulator, which join single line breaks:
    /// each line of the body (a task's details, one field a line) becomes a paragraph of its own.
    /// </remarks>
    private static Attachment Card(ReplyItem item) => new HeroCard
    {
        Title = item.Title,
        Subtitle = item.Subtitle,
        Text = item.Body?.Replace("\n", "\n\n", StringComparison.Ordinal),
        Buttons = item.Buttons.Select(Button).ToList(),
    }.ToAttachment();

    private static CardAction Button(ReplyAction action) => new(ActionTypes.ImBack, action.Title, value: action.Value);

    private static string Join(string header, string? footer) => footer is null ? header : header + "\n" + footer;
}
