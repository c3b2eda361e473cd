using System.Text.RegularExpressions;

namespace CampaignBot.Bots;

/// <summary>
/// What in a link could name a file kept by this server. A link is matched to stored files by the
/// file's id wherever the id appears in it (path or query, any case, percent-encoded once or more,
/// absolute or relative, on any host), never by the form of the url: "/V3/DIRECTLINE/ATTACHMENTS/…"
/// and "https://elsewhere/x?f=…" name the same file as the channel's own url.
/// </summary>
public static partial class StoredFileLink
{
    /// <summary>Most ids looked up for one link: a link is short, and each costs a read.</summary>
    public const int MaxCandidates = 8;

    /// <summary>The ids the link could name (as written, in any case): the lookup decides which are files.</summary>
    public static IReadOnlyList<string> CandidateIds(string link) =>
        IdLike().Matches(Unescaped(link)).Select(m => m.Value).Distinct(StringComparer.Ordinal).Take(MaxCandidates).ToList();

    /// <summary>Whether the link points at the channel's file endpoint at all (then it must be a file the sender may cite).</summary>
    public static bool PointsAtStoredFiles(string link) =>
        Unescaped(link).Contains("directline/attachments", StringComparison.OrdinalIgnoreCase);

    /// <summary>Percent-decoding repeated until nothing changes (bounded), so that %2561 hides nothing.</summary>
    private static string Unescaped(string link)
    {
        var text = link;
        for (var i = 0; i < 4; i++)
        {
            string next;
            try
            {
                next = Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                break;
            }

            if (next == text)
            {
                break;
            }

            text = next;
        }

        return text;
    }

    // DirectLineStore.NewId("a"): "a" and 16 random bytes in unpadded base64url (22 characters).
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])[Aa][A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])")]
    private static partial Regex IdLike();
}
