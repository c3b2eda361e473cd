using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignBot.Understanding;

/// <summary>
/// The task codes the ledger holds, found in a message as written, whatever their shape (LP-1, 1.2,
/// 3-1-2, 一.3, C1): a plan numbers its tasks its own way, and a code that a pattern does not know is
/// still the task. A code stands alone: not inside a longer word, number or code (1.2 is not read in
/// 1.2.3 or 11.2). Lookups are by hash, so a ledger of 100,000 tasks costs what a ledger of ten does.
/// </summary>
public sealed partial class LedgerCodes
{
    public static readonly LedgerCodes Empty = new([]);

    private readonly Dictionary<string, string> byLower = new(StringComparer.Ordinal);
    private readonly HashSet<char> codeChars = [];
    private readonly int longest;

    /// <summary>Letter-and-number codes by their loose form (HW-04 and HW4 are hw4; T013 and T0l3 are t13), when only one code has it.</summary>
    private readonly Dictionary<string, string?> byLoose = new(StringComparer.Ordinal);

    /// <summary>Codes with brackets by their bare form ((三)2 is 三2), when only one code has it and no code is that form.</summary>
    private readonly Dictionary<string, string?> byBare = new(StringComparer.Ordinal);

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
            if (Loose(lower) is { } loose)
            {
                byLoose[loose] = byLoose.TryGetValue(loose, out var other) && other != code ? null : code;
            }

            if (Bare(lower) is { } bare)
            {
                byBare[bare] = byBare.TryGetValue(bare, out var other) && other != code ? null : code;
            }

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
                if (EndsAlone(text, end) && (byLower.TryGetValue(text[i..end], out var code) || ByBare(text[i..end]) is { } bare && (code = bare) is not null)
                    && !CountsSomething(text, i, end))
                {
                    found.Add((code, i, end - i));
                    i = end - 1;
                    break;
                }
            }
        }

        // Then the same codes typed loosely: HW4 for HW-04, T0l3 for T013.
        foreach (Match m in LooseCode().Matches(text))
        {
            if (Array.IndexOf(taken, true, m.Index, m.Length) < 0 && !found.Any(f => f.Item2 < m.Index + m.Length && m.Index < f.Item2 + f.Item3)
                && Loose(m.Value) is { } loose && byLoose.TryGetValue(loose, out var code) && code is not null)
            {
                found.Add((code, m.Index, m.Length));
            }
        }

        // 五,1 for 五.1: a section in Chinese numerals, a comma typed for the dot, then the item.
        foreach (Match m in CommaForDot().Matches(text))
        {
            if (Array.IndexOf(taken, true, m.Index, m.Length) < 0 && !found.Any(f => f.Item2 < m.Index + m.Length && m.Index < f.Item2 + f.Item3)
                && byLower.TryGetValue(m.Groups["s"].Value + "." + m.Groups["n"].Value, out var code))
            {
                found.Add((code, m.Index, m.Length));
            }
        }

        return found;
    }

    [GeneratedRegex(@"(?<![一二三四五六七八九十\w.])(?<s>[一二三四五六七八九十]{1,3})[,，](?<n>\d{1,3})(?![\w.])")]
    private static partial Regex CommaForDot();

    private string? ByBare(string written) => byBare.TryGetValue(written, out var code) && code is not null && !byLower.ContainsKey(written) ? code : null;

    private static string? Bare(string code)
    {
        var bare = string.Concat(code.Where(c => c is not ('(' or ')' or '（' or '）' or '[' or ']' or '【' or '】')));
        return bare.Length > 0 && bare.Length < code.Length ? bare : null;
    }

    /// <summary>Letters, then the number without its leading zeros, with o, l and i in it read as 0, 1 and 1; null for other shapes.</summary>
    private static string? Loose(string code)
    {
        var m = LooseShape().Match(code);
        if (!m.Success)
        {
            return null;
        }

        var digits = m.Groups["n"].Value.Replace('o', '0').Replace('l', '1').Replace('i', '1');
        return digits.Any(char.IsAsciiDigit) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? m.Groups["p"].Value + n.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex(@"^(?<p>[a-z]{1,6})[-_]?(?<n>[0-9oli]{1,6})$")]
    private static partial Regex LooseShape();

    [GeneratedRegex(@"(?<![a-z0-9_.@-])[a-z]{1,6}[-_]?[0-9][0-9oli]{0,5}(?![a-z0-9])|(?<![a-z0-9_.@-])[a-z]{1,6}[-_]?[0-9oli]{0,5}[0-9](?![a-z0-9])")]
    private static partial Regex LooseCode();

    /// <summary>
    /// A code made only of numbers (1.2, 12) beside a unit or a count word is a quantity (完成了1.2万份, 第12项),
    /// not the task; the import names such codes (Plans/NumberLikeCodes).
    /// </summary>
    private static bool CountsSomething(string text, int start, int end)
    {
        if (text.AsSpan(start, end - start).ContainsAnyExcept("0123456789./-一二三四五六七八九十〇零"))
        {
            return false;
        }

        // Spaces between do not change it: 今天完成了 3 项, 第 3 项, 1.2 万份, finished 3 tasks.
        var after = text[end..].TrimStart();
        var before = text[..start].TrimEnd();
        var code = text.AsSpan(start, end - start);
        var whole = !code.ContainsAny("./-");
        var chineseOnly = !code.ContainsAnyExcept("一二三四五六七八九十〇零");
        // 1.2号前: a month and day, right before 号 or 日, is a date (the import names such codes).
        var monthDay = code.Count('.') == 1 && end < text.Length && text[end] is '号' or '日';
        return monthDay || (after.Length > 0 && (Units.Contains(after[0]) || (whole && TimeUnits.Contains(after[0]))))
            || EnglishUnits.Any(u => after.StartsWith(u, StringComparison.Ordinal))
            || (before.Length > 0 && CountWords.Contains(before[^1]))
            || (whole && NumberedCommands.Any(c => before.EndsWith(c, StringComparison.Ordinal)))
            // A code of Chinese numerals alone (一) stands apart from the words around it, or it is a word's part (一半).
            || (chineseOnly && ((start > 0 && TextNormalizer.IsChinese(text[start - 1])) || (end < text.Length && TextNormalizer.IsChinese(text[end]))));
    }

    private const string Units = "万千百亿份个元%％项座名台辆吨米岁倍块张批轮半次人家";

    /// <summary>After a whole number only (3 天, 12 号): a dotted code before them (7.1 周五再提醒) is still the task.</summary>
    private const string TimeUnits = "天周月年日号点";

    private static readonly string[] EnglishUnits = ["tasks", "task", "items", "item", "copies", "people", "pieces", "%", "percent", "days", "weeks"];

    /// <summary>The commands whose number is not a task: 同意延期 3, 撤销操作 12, 撤回佐证 3 (what the buttons send).</summary>
    private static readonly string[] NumberedCommands = ["同意延期", "驳回延期", "批准延期", "不同意延期", "延期申请", "撤销操作", "撤回佐证", "删除佐证", "approve extension", "reject extension", "undo change", "withdraw evidence", "#", "第", "共", "约"];

    private const string CountWords = "第共约近达超余";

    private static bool Word(char c) => char.IsAsciiLetterOrDigit(c);

    private static bool Joiner(char c) => c is '.' or '-' or '_' or '/';

    private static bool StartsAlone(string text, int at) =>
        at == 0 || !(Word(text[at - 1]) || (Joiner(text[at - 1]) && at >= 2 && Word(text[at - 2])) || IsChineseNumeral(text[at - 1]) && IsChineseNumeral(text[at]));

    private static bool EndsAlone(string text, int end) =>
        end == text.Length || !(Word(text[end]) || (Joiner(text[end]) && end + 1 < text.Length && Word(text[end + 1])));

    private static bool IsChineseNumeral(char c) => "一二三四五六七八九十〇零".Contains(c);
}
