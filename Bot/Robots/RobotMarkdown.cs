using System.Text;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;

namespace CampaignBot.Robots;

/// <summary>
/// A reply as robot markdown, built from the reply model with the same content as the chat message:
/// the header, one entry per task (title in bold, then office, deadline and state), a line on how to
/// mark a task done (a robot cannot hear replies), and the owners' @mentions. Every ledger text is
/// escaped (<see cref="MarkdownText"/>); trimmed to the service's size limit, saying how many tasks
/// were left out.
/// </summary>
public static class RobotMarkdown
{
    /// <summary>WeCom: markdown content of at most 4,096 UTF-8 bytes. DingTalk: 20,000 bytes (docs/dingtalk.md).</summary>
    public static int MaxBytes(Robot robot) => robot.IsDingTalk ? 20_000 : 4_096;

    /// <param name="doneHint">How to mark a listed task done; null for messages that list no tasks (reports, notices).</param>
    public static RobotDelivery Render(Robot robot, ChatReply reply, ReplyTexts texts, string? doneHint, IReadOnlyList<PersonMention> owners)
    {
        var newline = robot.IsDingTalk ? "\n\n" : "\n"; // DingTalk's markdown joins single line breaks.
        var headerLines = reply.Header.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var title = headerLines.FirstOrDefault() ?? "CampaignBot";
        var mentions = Mentions(robot, owners);
        var items = reply.Items.Select(i => Entry(i, robot, newline)).ToList();
        var lines = headerLines.Skip(1).Select(MarkdownText.Escape).ToList();

        // Trim the task list first, then header lines (a long report), until the message fits.
        for (var omitted = 0; ; omitted++)
        {
            var shownItems = items.Take(items.Count - Math.Min(omitted, items.Count)).ToList();
            var hiddenLines = Math.Max(0, omitted - items.Count);
            var shownLines = lines.Take(lines.Count - Math.Min(hiddenLines, lines.Count)).ToList();
            var left = items.Count - shownItems.Count + lines.Count - shownLines.Count;
            var text = new StringBuilder("### ").Append(MarkdownText.Escape(title));
            foreach (var line in shownLines.Concat(shownItems))
            {
                text.Append(newline).Append(line);
            }

            if (reply.Footer is not null)
            {
                text.Append(newline).Append(MarkdownText.Escape(reply.Footer));
            }

            if (left > 0)
            {
                text.Append(newline).Append(MarkdownText.Escape(texts.More(left)));
            }

            if (doneHint is not null)
            {
                text.Append(newline).Append("> ").Append(MarkdownText.Escape(doneHint));
            }

            if (mentions.Inline.Length > 0)
            {
                text.Append(newline).Append(mentions.Inline);
            }

            var markdown = text.ToString();
            if (MarkdownText.Fits(markdown, MaxBytes(robot)) || left >= items.Count + lines.Count)
            {
                return new RobotDelivery(robot, title, MarkdownText.Cut(markdown, MaxBytes(robot)), mentions.Mobiles, mentions.UserIds);
            }
        }
    }

    /// <summary>A list entry: the title in bold, then the office, deadline and state (overdue coloured), then any lines.</summary>
    private static string Entry(ReplyItem item, Robot robot, string newline)
    {
        var lines = MarkdownText.ItemLines(item, state => State(state, robot));
        return "- " + string.Join(newline + "  ", lines);
    }

    /// <summary>Overdue marked in the colours each service's markdown offers (WeCom: its named "warning").</summary>
    private static string State(ReplyState state, Robot robot) => (state.Tone, robot.IsDingTalk) switch
    {
        (ReplyTone.Attention, true) => $"<font color=#D32F2F>{MarkdownText.Escape(state.Text)}</font>",
        (ReplyTone.Attention, false) => $"<font color=\"warning\">{MarkdownText.Escape(state.Text)}</font>",
        _ => MarkdownText.Escape(state.Text),
    };

    /// <summary>DingTalk @s by mobile or user id (listed in "at" and written in the text); WeCom by &lt;@userid&gt; in the text.</summary>
    private static (string Inline, IReadOnlyList<string> Mobiles, IReadOnlyList<string> UserIds) Mentions(Robot robot, IReadOnlyList<PersonMention> owners)
    {
        if (robot.IsDingTalk)
        {
            var userIds = owners.Where(o => o.DingTalkUserId is not null).Select(o => o.DingTalkUserId!).Distinct().ToList();
            var mobiles = owners.Where(o => o.DingTalkUserId is null && o.Mobile is not null).Select(o => o.Mobile!).Distinct().ToList();
            return (string.Join(" ", userIds.Concat(mobiles).Select(m => "@" + m)), mobiles, userIds);
        }

        var weCom = owners.Where(o => o.WeComUserId is not null).Select(o => $"<@{o.WeComUserId}>").Distinct();
        return (string.Join(" ", weCom), [], []);
    }
}
