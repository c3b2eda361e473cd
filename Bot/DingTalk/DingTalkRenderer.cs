using System.Text;
using CampaignBot.Chat.Replies;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CampaignBot.DingTalk;

/// <summary>
/// An activity as the bot writes it (text, hero cards with 完成/详情 buttons, suggested actions) as a
/// DingTalk message: plain text stays text; cards become markdown entries whose buttons are links
/// that send the command back (one tap), and suggested actions become the ActionCard's buttons.
/// Pictures (the weekly report's chart) are left out: DingTalk markdown cannot carry inline data.
/// </summary>
public static class DingTalkRenderer
{
    /// <summary>
    /// DingTalk documents 20,000 bytes for a robot message's content; longer lists are trimmed, saying
    /// how many entries were left out.
    /// </summary>
    public const int MaxBytes = 20_000;

    private const int MaxTitleChars = 64;
    private const string Paragraph = "\n\n"; // DingTalk's markdown joins single line breaks.

    public static DingTalkContent Render(IActivity activity, ReplyTexts texts)
    {
        var message = activity.AsMessageActivity();
        var text = message?.Text ?? "";
        var cards = (message?.Attachments ?? []).Select(HeroOf).OfType<HeroCard>().ToList();
        var suggestions = (message?.SuggestedActions?.Actions ?? []).Select(ButtonOf).OfType<DingTalkButton>().ToList();
        if (cards.Count == 0 && suggestions.Count == 0)
        {
            return DingTalkContent.Plain(Trim(text));
        }

        var title = TitleOf(text, cards);
        var head = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        var entries = cards.Select(Entry).ToList();
        for (var shown = entries.Count; ; shown--)
        {
            var body = new StringBuilder(string.Join(Paragraph, head));
            foreach (var entry in entries.Take(shown))
            {
                body.Append(body.Length > 0 ? Paragraph : "").Append(entry);
            }

            if (shown < entries.Count)
            {
                body.Append(Paragraph).Append(texts.More(entries.Count - shown));
            }

            var markdown = body.ToString();
            if (Encoding.UTF8.GetByteCount(markdown) <= MaxBytes || shown == 0)
            {
                return suggestions.Count > 0
                    ? new DingTalkContent(DingTalkContentKind.ActionCard, title, Trim(markdown), suggestions)
                    : new DingTalkContent(DingTalkContentKind.Markdown, title, Trim(markdown), []);
            }
        }
    }

    /// <summary>A card as a markdown entry: the title in bold, its details, then its buttons as links.</summary>
    private static string Entry(HeroCard card)
    {
        var lines = new List<string> { $"**{card.Title}**" };
        lines.AddRange(new[] { card.Subtitle, card.Text }.Where(l => !string.IsNullOrWhiteSpace(l))!);
        var links = (card.Buttons ?? []).Select(ButtonOf).OfType<DingTalkButton>().Select(b => $"[{b.Title}]({b.ActionUrl})").ToList();
        if (links.Count > 0)
        {
            lines.Add(string.Join(" · ", links));
        }

        return string.Join(Paragraph, lines.SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>Buttons that post a message back (imBack, messageBack with text) become DingTalk's send-message links.</summary>
    private static DingTalkButton? ButtonOf(CardAction? action) =>
        action is null ? null
        : action.Value is string command && !string.IsNullOrWhiteSpace(command) && action.Type is ActionTypes.ImBack or ActionTypes.PostBack or ActionTypes.MessageBack
            ? new DingTalkButton(action.Title ?? command, command)
            : null;

    private static HeroCard? HeroOf(Attachment? attachment) => attachment switch
    {
        { ContentType: HeroCard.ContentType, Content: HeroCard hero } => hero,
        { ContentType: HeroCard.ContentType, Content: JObject json } => json.ToObject<HeroCard>(),
        _ => null,
    };

    private static string TitleOf(string text, IReadOnlyList<HeroCard> cards)
    {
        var first = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? cards.FirstOrDefault()?.Title ?? "CampaignBot";
        return first.Length <= MaxTitleChars ? first : first[..MaxTitleChars];
    }

    /// <summary>Cuts text to the byte limit at a character boundary.</summary>
    private static string Trim(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxBytes)
        {
            return text;
        }

        var (end, bytes) = (0, 0);
        while (end < text.Length)
        {
            var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            if (bytes + size > MaxBytes - 3)
            {
                break;
            }

            (end, bytes) = (end + width, bytes + size);
        }

        return text[..end] + "…";
    }
}
