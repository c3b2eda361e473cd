using System.Text;

namespace CampaignBot.Chat.Replies;

/// <summary>
/// Markdown for DingTalk's and WeCom's messages, built from the reply model: every text a person or
/// an import wrote is escaped, so that a title or a note like "[驳回](https://evil.example)" shows as
/// those characters and never as a link, a heading, a quote or a colour; and the whole is kept within
/// the service's byte limit.
/// </summary>
public static class MarkdownText
{
    /// <summary>
    /// The ASCII characters the two services' markdown gives a meaning (links, images, emphasis,
    /// headings, quotes, lists, tables, code, their HTML &lt;font&gt; tag), escaped with a backslash as
    /// CommonMark defines.
    /// </summary>
    private const string Specials = "\\`*_{}[]()#+-!|<>~";

    /// <summary>One line of someone's text as markdown that shows exactly that text.</summary>
    public static string Escape(string text)
    {
        var line = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                line.Append(' '); // one line stays one line: no text starts a heading or a quote of its own
                continue;
            }

            if (Specials.Contains(c))
            {
                line.Append('\\');
            }

            line.Append(c);
        }

        // "1. …" at the start of a line would be an ordered list.
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits < line.Length && line[digits] == '.')
        {
            line.Insert(digits, '\\');
        }

        return line.ToString();
    }

    /// <summary>
    /// An item's lines as markdown, each escaped: the title in bold, the office, the deadline and the
    /// state (marked up by <paramref name="state"/>), then further lines.
    /// </summary>
    public static IReadOnlyList<string> ItemLines(ReplyItem item, Func<ReplyState, string> state)
    {
        var lines = new List<string> { $"**{Escape(item.Title)}**" };
        var facts = new[] { item.Office is { } o ? Escape(o) : null, item.Due is { } d ? Escape(d) : null, item.State is { } s ? state(s) : null }.OfType<string>().ToList();
        if (facts.Count > 0)
        {
            lines.Add(string.Join(" · ", facts));
        }

        lines.AddRange(item.Lines.Where(l => l.Trim().Length > 0).Select(l => Escape(l.Trim())));
        return lines;
    }

    public static bool Fits(string text, int maxBytes) => Encoding.UTF8.GetByteCount(text) <= maxBytes;

    /// <summary>Cuts text to <paramref name="maxBytes"/> UTF-8 bytes at a character boundary, ending with "…".</summary>
    public static string Cut(string text, int maxBytes)
    {
        if (Fits(text, maxBytes))
        {
            return text;
        }

        var (end, bytes) = (0, 0);
        while (end < text.Length)
        {
            var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            if (bytes + size > maxBytes - 3)
            {
                break;
            }

            (end, bytes) = (end + width, bytes + size);
        }

        // A cut inside an escape would leave a lone backslash escaping the ellipsis: harmless, but drop it.
        return text[..end].TrimEnd('\\') + "…";
    }
}
