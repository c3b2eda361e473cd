using System.Text;
using CampaignBot.Chat.Replies;

namespace CampaignBot.WeCom.Outgoing;

/// <summary>
/// A proactive message as WeCom markdown, from the reply model: the header's first line as a heading,
/// one entry per task (title in bold, office, deadline, state; overdue in WeCom's "warning" colour),
/// then what to reply for each of its buttons (WeCom's markdown has no buttons that post back, but the
/// bot hears the reply in a bound group and a 1:1 chat), the footer and suggestions. Every ledger and
/// import text is escaped (<see cref="MarkdownText"/>). A message longer than the send's byte limit is
/// split between entries into several messages, each within it (an entry longer than the limit alone
/// is cut), so that nothing WeCom would refuse is sent, and no task is left out.
/// </summary>
public static class WeComMarkdown
{
    public static IReadOnlyList<string> Render(ChatReply reply, int maxBytes)
    {
        var headerLines = reply.Header.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var blocks = new List<string>();
        if (headerLines.Length > 0)
        {
            blocks.Add("### " + MarkdownText.Escape(headerLines[0]));
            blocks.AddRange(headerLines.Skip(1).Select(MarkdownText.Escape));
        }

        blocks.AddRange(reply.Items.Select(Entry));
        if (reply.Footer is { Length: > 0 } footer)
        {
            blocks.Add(MarkdownText.Escape(footer));
        }

        if (reply.Suggestions.Count > 0)
        {
            blocks.Add(Actions(reply.Suggestions));
        }

        return Pack(blocks, maxBytes);
    }

    /// <summary>Blocks joined by line breaks into as few messages as fit; a block too long alone is cut to the limit.</summary>
    private static IReadOnlyList<string> Pack(IReadOnlyList<string> blocks, int maxBytes)
    {
        var messages = new List<string>();
        var current = new StringBuilder();
        foreach (var block in blocks.Select(b => MarkdownText.Cut(b, maxBytes)))
        {
            if (current.Length > 0 && !MarkdownText.Fits(current + "\n" + block, maxBytes))
            {
                messages.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? "\n" : "").Append(block);
        }

        if (current.Length > 0)
        {
            messages.Add(current.ToString());
        }

        return messages;
    }

    private static string Entry(ReplyItem item)
    {
        var lines = MarkdownText.ItemLines(item, State).ToList();
        if (item.Buttons.Count > 0)
        {
            lines.Add(Actions(item.Buttons));
        }

        return "- " + string.Join("\n  ", lines);
    }

    /// <summary>What to send for each button: its command, as the person would type it.</summary>
    private static string Actions(IReadOnlyList<ReplyAction> actions) =>
        "> " + string.Join(" · ", actions.Select(a => MarkdownText.Escape(a.Value)));

    private static string State(ReplyState state) => state.Tone == ReplyTone.Attention
        ? $"<font color=\"warning\">{MarkdownText.Escape(state.Text)}</font>"
        : MarkdownText.Escape(state.Text);
}
