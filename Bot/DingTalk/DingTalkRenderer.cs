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
    /// The most UTF-8 bytes a message's text may hold: the send APIs' msgParam limit
    /// (<see cref="DingTalkWireFormat.MaxMsgParamBytes"/>, 15,000), which the text shares with the title,
    /// the buttons and the JSON around them; <see cref="DingTalkWireFormat.Fits"/> checks the whole. A
    /// reply rendered in a turn may go out through the send API when its session webhook has expired,
    /// so every message keeps to this one limit.
    /// </summary>
    public const int MaxBytes = DingTalkWireFormat.MaxMsgParamBytes;

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
        var title = TitleOf(reply);

        DingTalkContent Showing(int shown)
        {
            var parts = head.Concat(entries.Take(shown)).Concat(foot).ToList();
            if (shown < entries.Count)
            {
                parts.Add(MarkdownText.Escape(texts.More(entries.Count - shown)));
            }

            var markdown = string.Join(Paragraph, parts);
            return suggestions.Count > 0
                ? new DingTalkContent(DingTalkContentKind.ActionCard, title, markdown, suggestions)
                : new DingTalkContent(DingTalkContentKind.Markdown, title, markdown, []);
        }

        var all = Showing(entries.Count);
        if (DingTalkWireFormat.Fits(all))
        {
            return all;
        }

        // Whole entries are dropped from the end: the most that fit, found by halving (more entries, more bytes).
        var (fewest, most) = (0, entries.Count - 1);
        while (fewest < most)
        {
            var middle = (fewest + most + 1) / 2;
            (fewest, most) = DingTalkWireFormat.Fits(Showing(middle)) ? (middle, most) : (fewest, middle - 1);
        }

        return WithinLimit(Showing(fewest));
    }

    /// <summary>Text the bot sends without a reply model (a greeting, an error): plain text, cut to the limit.</summary>
    public static DingTalkContent Plain(string text) => WithinLimit(DingTalkContent.Plain(text));

    /// <summary>The content, its text cut with "…" until the whole msgParam fits (a header alone too long, a long plain text).</summary>
    private static DingTalkContent WithinLimit(DingTalkContent content)
    {
        var cut = content with { Text = MarkdownText.Cut(content.Text, MaxBytes) };
        while (!DingTalkWireFormat.Fits(cut) && cut.Text.Length > 1)
        {
            // JSON escapes (line breaks, quotes) and the rest of the template take bytes the text does not show.
            var over = Encoding.UTF8.GetByteCount(DingTalkWireFormat.Template(cut).MsgParam) - DingTalkWireFormat.MaxMsgParamBytes;
            cut = cut with { Text = MarkdownText.Cut(cut.Text, Encoding.UTF8.GetByteCount(cut.Text) - Math.Max(over, 16)) };
        }

        return cut;
    }

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
