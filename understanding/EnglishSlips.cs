using System.Text.RegularExpressions;
using CampaignBot.Understanding.Glossary;

namespace CampaignBot.Understanding;

/// <summary>
/// English question words typed with one letter wrong or two swapped (overdeu, progrss is not: it is
/// shorter): a word nothing explained, of five letters or more, is read as the one glossary word it
/// is that close to. Only words that ask (due, overdue, progress, report …), never a change word, so
/// a slip can at most answer the wrong question, never change the ledger.
/// </summary>
public static partial class EnglishSlips
{
    private static readonly Cue[] Asking = [Cue.Due, Cue.Overdue, Cue.Progress, Cue.Report, Cue.Pending, Cue.Mine, Cue.Help, Cue.TaskWord, Cue.Evidence];

    private static readonly Lazy<Dictionary<int, string[]>> WordsByLength = new(() =>
        CueWords.Table.Where(row => Asking.Contains(row.Cue)).SelectMany(row => row.Words)
            .Where(w => w.Length >= 5 && w.All(char.IsAsciiLetterLower)).Distinct()
            .GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.ToArray()));

    /// <summary>The text with each such slip replaced by the word meant (same length, so positions stay), or null.</summary>
    public static string? Correct(string text, bool[] unexplained)
    {
        char[]? corrected = null;
        foreach (Match m in Word().Matches(text))
        {
            if (m.Length < 5 || Array.IndexOf(unexplained, false, m.Index, m.Length) >= 0 || !WordsByLength.Value.TryGetValue(m.Length, out var words) || words.Contains(m.Value))
            {
                continue;
            }

            var close = words.Where(w => OneSlip(m.Value, w)).Take(2).ToList();
            if (close.Count == 1)
            {
                corrected ??= text.ToCharArray();
                close[0].CopyTo(0, corrected, m.Index, m.Length);
            }
        }

        return corrected is null ? null : new string(corrected);
    }

    /// <summary>One letter different, or two neighbours swapped.</summary>
    private static bool OneSlip(string typed, string word)
    {
        var differ = Enumerable.Range(0, typed.Length).Where(i => typed[i] != word[i]).ToList();
        return differ.Count == 1
            || (differ.Count == 2 && differ[1] == differ[0] + 1 && typed[differ[0]] == word[differ[1]] && typed[differ[1]] == word[differ[0]]);
    }

    [GeneratedRegex("[a-z]+")]
    private static partial Regex Word();
}
