namespace CampaignBot.Chat.Understanding;

/// <summary>
/// The task codes the ledger holds, found in a message as written, whatever their shape (LP-1, 1.2,
/// 3-1-2, 一.3, C1): a plan numbers its tasks its own way, and a code that a pattern does not know is
/// still the task. A code stands alone: not inside a longer word, number or code (1.2 is not read in
/// 1.2.3 or 11.2). Lookups are by hash, so a ledger of 100,000 tasks costs what a ledger of ten does.
/// </summary>
public sealed class LedgerCodes
{
    public static readonly LedgerCodes Empty = new([]);

    private readonly Dictionary<string, string> byLower = new(StringComparer.Ordinal);
    private readonly HashSet<char> codeChars = [];
    private readonly int longest;

    public LedgerCodes(IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            var lower = TextNormalizer.Normalize(code).Text;
            if (lower.Length == 0 || lower.Contains(' '))
            {
                continue;
            }

            byLower.TryAdd(lower, code);
            longest = Math.Max(longest, lower.Length);
            foreach (var c in lower)
            {
                codeChars.Add(c);
            }
        }
    }

    public int Count => byLower.Count;

    /// <summary>The ledger's codes in <paramref name="text"/> (normalised), longest first at each place, with where each stands.</summary>
    public List<(string Code, int Start, int Length)> Find(string text, bool[] taken)
    {
        var found = new List<(string, int, int)>();
        if (byLower.Count == 0)
        {
            return found;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (taken[i] || !codeChars.Contains(text[i]) || !StartsAlone(text, i))
            {
                continue;
            }

            var run = i;
            while (run < text.Length && run - i < longest && codeChars.Contains(text[run]) && !taken[run])
            {
                run++;
            }

            for (var end = run; end > i; end--)
            {
                if (EndsAlone(text, end) && byLower.TryGetValue(text[i..end], out var code))
                {
                    found.Add((code, i, end - i));
                    i = end - 1;
                    break;
                }
            }
        }

        return found;
    }

    private static bool Word(char c) => char.IsAsciiLetterOrDigit(c);

    private static bool Joiner(char c) => c is '.' or '-' or '_' or '/';

    private static bool StartsAlone(string text, int at) =>
        at == 0 || !(Word(text[at - 1]) || (Joiner(text[at - 1]) && at >= 2 && Word(text[at - 2])) || IsChineseNumeral(text[at - 1]) && IsChineseNumeral(text[at]));

    private static bool EndsAlone(string text, int end) =>
        end == text.Length || !(Word(text[end]) || (Joiner(text[end]) && end + 1 < text.Length && Word(text[end + 1])));

    private static bool IsChineseNumeral(char c) => "一二三四五六七八九十〇零".Contains(c);
}
