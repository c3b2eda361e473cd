using CampaignBot.Chat.Replies;

namespace CampaignBot.WeCom;

/// <summary>
/// Packs a reply's markdown blocks into WeCom messages within their byte limits (UTF-8): split
/// into several messages where the transport can send several (the long connection), or trimmed
/// to one, saying how many entries were left out, where it cannot (a callback's response url is
/// good for one message). A block never splits across messages; one larger than a message is cut.
/// </summary>
public static class WeComMarkdown
{
    /// <summary>A reply to a message (stream content): at most 20,480 bytes (the official Node SDK's StreamReplyBody: "最长不超过 20480 个字节").</summary>
    public const int ReplyMaxBytes = 20_480;

    /// <summary>
    /// A markdown message sent on its own (aibot_send_msg, a response url): 4,096 bytes. Assumed: it
    /// is WeCom's documented limit for a robot's markdown (the group robot webhook); no page states
    /// one for these two.
    /// </summary>
    public const int MessageMaxBytes = 4_096;

    private const string Gap = "\n\n";

    /// <summary>The messages: the first within <paramref name="firstMax"/> bytes, the others within <paramref name="restMax"/>.</summary>
    public static IReadOnlyList<string> Split(WeComContent content, int firstMax, int restMax)
    {
        var messages = new List<string>();
        var current = "";
        foreach (var block in content.Blocks)
        {
            var max = messages.Count == 0 ? firstMax : restMax;
            var joined = current.Length == 0 ? block : current + Gap + block;
            if (MarkdownText.Fits(joined, max))
            {
                current = joined;
                continue;
            }

            if (current.Length > 0)
            {
                messages.Add(current);
                max = restMax;
            }

            current = MarkdownText.Cut(block, max);
        }

        if (current.Length > 0 || messages.Count == 0)
        {
            messages.Add(current);
        }

        return messages;
    }

    /// <summary>One message within <paramref name="max"/> bytes: the last entries left out as needed, and said so.</summary>
    public static string Fit(WeComContent content, int max, ReplyTexts texts)
    {
        for (var shown = content.Entries.Count; ; shown--)
        {
            var blocks = content.Head.Concat(content.Entries.Take(shown)).Concat(content.Foot).ToList();
            if (shown < content.Entries.Count)
            {
                blocks.Add(MarkdownText.Escape(texts.More(content.Entries.Count - shown)));
            }

            var markdown = string.Join(Gap, blocks);
            if (MarkdownText.Fits(markdown, max) || shown == 0)
            {
                return MarkdownText.Cut(markdown, max);
            }
        }
    }
}
