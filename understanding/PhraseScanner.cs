namespace CampaignBot.Understanding;

/// <summary>
/// Finds dictionary words in a text, taking the longest word at each place and going on after it
/// (so 领导小组办公室 wins over 办公室, 完成情况 over 完成). A word that starts or ends with an
/// ASCII letter must stand as a whole word. Words are looked up by their first character: a
/// message of 30 characters costs a few hundred character comparisons.
/// </summary>
public sealed class PhraseScanner<T>
{
    private readonly Dictionary<char, (string Word, T Value)[]> byFirst;

    public PhraseScanner(IEnumerable<(string Word, T Value)> words)
    {
        byFirst = words
            .Where(w => w.Word.Length > 0)
            .GroupBy(w => w.Word[0])
            .ToDictionary(g => g.Key, g => g.DistinctBy(w => w.Word).OrderByDescending(w => w.Word.Length).ToArray());
    }

    /// <summary>The hits, left to right; <paramref name="taken"/> marks characters already explained by something else.</summary>
    public List<PhraseHit<T>> Scan(string text, bool[]? taken = null)
    {
        var hits = new List<PhraseHit<T>>();
        var i = 0;
        while (i < text.Length)
        {
            if (taken?[i] != true && Longest(text, i, taken) is { } hit)
            {
                hits.Add(hit);
                i = hit.End;
            }
            else
            {
                i++;
            }
        }

        return hits;
    }

    private PhraseHit<T>? Longest(string text, int at, bool[]? taken)
    {
        if (!byFirst.TryGetValue(text[at], out var candidates))
        {
            return null;
        }

        foreach (var (word, value) in candidates)
        {
            if (at + word.Length <= text.Length
                && string.CompareOrdinal(text, at, word, 0, word.Length) == 0
                && WholeWord(text, at, word)
                && (taken is null || Array.IndexOf(taken, true, at, word.Length) < 0))
            {
                return new PhraseHit<T>(at, word.Length, value);
            }
        }

        return null;
    }

    private static bool WholeWord(string text, int at, string word)
    {
        var end = at + word.Length;
        return !(char.IsAsciiLetter(word[0]) && at > 0 && char.IsAsciiLetterOrDigit(text[at - 1]))
            && !(char.IsAsciiLetterOrDigit(word[^1]) && end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || (text[end] == '\'' && !Possessive(text, end))));
    }

    /// <summary>CDC's tasks: the word with an 's after it is still the word (don't is not "don").</summary>
    private static bool Possessive(string text, int at) =>
        at + 1 < text.Length && text[at + 1] == 's' && (at + 2 == text.Length || !char.IsAsciiLetterOrDigit(text[at + 2]));
}
