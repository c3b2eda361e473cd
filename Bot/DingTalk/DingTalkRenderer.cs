using System.Text;
using CampaignBot.Chat.Replies;

namespace CampaignBot.DingTalk;

/// <summary>
/// A reply as a DingTalk message, built from the model: a reply with nothing but words stays text;
/// one with items becomes markdown, an entry per item (its title in bold, the office, the deadline
/// and the state, overdue in red, its lines) whose buttons are links that send the command back (one
/// tap); suggestions become an ActionCard's buttons. Every text from the ledger is escaped
/// (<see cref="MarkdownText"/>). Pictures (the weekly report's chart) are left out: DingTalk
/// markdown cannot carry inline data.
/// </summary>
public static class DingTalkRenderer
{
    /// <summary>
    /// The most a message's content may hold, in UTF-8 bytes: 20,000, the figure docs/dingtalk.md
    /// gives for a robot message. Longer lists are trimmed, saying how many entries were left out.
    /// </summary>
    public const int MaxBytes = 20_000;

    private const int MaxTitleChars = 64;
    private const string Paragraph = "\n\n"; // DingTalk's markdown joins single line breaks.

    public static DingTalkContent Render(ChatReply reply, ReplyTexts texts)
    {
        var suggestions = reply.Suggestions.Select(s => new DingTalkButton(s.Title, s.Value)).ToList();
        if (reply.Items.Count == 0 && suggestions.Count == 0)
        {
            return Plain(ReplyRenderer.PlainText(reply));
        }

        var head = Lines(reply.Header).Select(MarkdownText.Escape).ToList();
        var foot = Lines(reply.Footer).Select(MarkdownText.Escape).ToList();
        var entries = reply.Items.Select(Entry).ToList();
        for (var shown = entries.Count; ; shown--)
        {
            var parts = head.Concat(entries.Take(shown)).Concat(foot).ToList();
            if (shown < entries.Count)
            {
                parts.Add(MarkdownText.Escape(texts.More(entries.Count - shown)));
            }

            var markdown = string.Join(Paragraph, parts);
            if (MarkdownText.Fits(markdown, MaxBytes) || shown == 0)
            {
                var title = TitleOf(reply);
                return suggestions.Count > 0
                    ? new DingTalkContent(DingTalkContentKind.ActionCard, title, MarkdownText.Cut(markdown, MaxBytes), suggestions)
                    : new DingTalkContent(DingTalkContentKind.Markdown, title, MarkdownText.Cut(markdown, MaxBytes), []);
            }
        }
    }

    /// <summary>Text the bot sends without a reply model (a greeting, an error): plain text, cut to the limit.</summary>
    public static DingTalkContent Plain(string text) => DingTalkContent.Plain(MarkdownText.Cut(text, MaxBytes));

    /// <summary>An item as a markdown entry: its lines, then its buttons as one-tap links.</summary>
    private static string Entry(ReplyItem item)
    {
        var lines = MarkdownText.ItemLines(item, State).ToList();
        if (item.Buttons.Count > 0)
        {
            lines.Add(string.Join(" · ", item.Buttons.Select(b => new DingTalkButton(b.Title, b.Value)).Select(b => $"[{MarkdownText.Escape(b.Title)}]({b.ActionUrl})")));
        }

        return string.Join(Paragraph, lines);
    }

    /// <summary>Overdue in red, due today in orange: DingTalk's markdown takes a font colour.</summary>
    private static string State(ReplyState state) => state.Tone switch
    {
        ReplyTone.Attention => $"<font color=#D32F2F>{MarkdownText.Escape(state.Text)}</font>",
        ReplyTone.Warning => $"<font color=#E65100>{MarkdownText.Escape(state.Text)}</font>",
        _ => MarkdownText.Escape(state.Text),
    };

    private static IEnumerable<string> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The title DingTalk shows in the chat list and notifications (plain text there).</summary>
    private static string TitleOf(ChatReply reply)
    {
        var first = Lines(reply.Header).FirstOrDefault() ?? reply.Items.FirstOrDefault()?.Title ?? "CampaignBot";
        return first.Length <= MaxTitleChars ? first : first[..MaxTitleChars];
    }
}
