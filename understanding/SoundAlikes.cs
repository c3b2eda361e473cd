using CampaignBot.Understanding.Glossary;

namespace CampaignBot.Understanding;

/// <summary>
/// Words the reader relies on, typed with another character of the same sound (逾其 for 逾期, 完城
/// for 完成, 才料组 for 材料组): each is found by its toneless pinyin among the characters nothing else
/// explained, and read as the word meant. Only words of two or more characters, of which at least
/// one is typed right, are corrected; a word that is itself a known word is never touched.
/// </summary>
public sealed class SoundAlikes
{
    private const int MaxKeysPerWord = 64;

    private static readonly Lazy<SoundAlikes> Glossary = new(() => new SoundAlikes(
        CueWords.Table.SelectMany(r => r.Words)
            .Concat(DatePhrases.Table.SelectMany(r => r.Words))
            .Concat(SmallTalkWords.Table.SelectMany(r => r.Words)),
        PinyinTable.Default));

    private readonly Dictionary<string, string?> byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> words = new(StringComparer.Ordinal);
    private readonly HashSet<char> characters = [];
    private readonly PinyinTable table;

    public SoundAlikes(IEnumerable<string> words, PinyinTable table)
    {
        this.table = table;
        foreach (var word in words.Where(w => w.Length is >= 2 and <= 8 && w.All(TextNormalizer.IsChinese)).Distinct())
        {
            this.words.Add(word);
            characters.UnionWith(word);
            foreach (var key in Keys(word))
            {
                // Two words that sound alike: neither is meant for sure.
                byKey[key] = byKey.TryGetValue(key, out var other) && other != word ? null : word;
            }
        }
    }

    /// <summary>The glossary's words (cue words, dates, small talk).</summary>
    public static SoundAlikes ForGlossary => Glossary.Value;

    public int Count => words.Count;

    /// <summary>Whether a character is part of one of the words (晚 is, in 晚点提醒): typed there, it may be meant as typed.</summary>
    public bool Knows(char c) => characters.Contains(c);

    /// <summary>
    /// The text with each sound-alike among the <paramref name="unexplained"/> characters replaced by the
    /// word meant (same length, so positions stay), or null when there is none.
    /// </summary>
    public string? Correct(string text, bool[] unexplained, int longest = 8)
    {
        char[]? corrected = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!TextNormalizer.IsChinese(text[i]))
            {
                continue;
            }

            // Longest first; the word may lean on explained characters around the typo (逾其: 逾 is unexplained too, 才料组: 组 is not).
            for (var length = Math.Min(longest, text.Length - i); length >= 2; length--)
            {
                var candidate = text.Substring(i, length);
                // 材料祖: the typo may follow characters read as something else; a window with nothing unexplained is left alone.
                if (!candidate.All(TextNormalizer.IsChinese) || words.Contains(candidate) || Array.IndexOf(unexplained, true, i, length) < 0)
                {
                    continue;
                }

                // Only characters nothing explained are replaced: 不 in 报不上去 is a denial, not 补 mistyped.
                if (Match(candidate) is { } meant && Enumerable.Range(0, length).Any(k => candidate[k] == meant[k])
                    && Enumerable.Range(0, length).All(k => candidate[k] == meant[k] || unexplained[i + k]))
                {
                    corrected ??= text.ToCharArray();
                    meant.CopyTo(0, corrected, i, length);
                    i += length - 1;
                    break;
                }
            }
        }

        return corrected is null ? null : new string(corrected);
    }

    private string? Match(string candidate)
    {
        foreach (var key in Keys(candidate))
        {
            if (byKey.TryGetValue(key, out var word) && word is not null)
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>Every reading of the word, syllables joined (行政组: xing|zheng|zu, hang|zheng|zu …), at most <see cref="MaxKeysPerWord"/>.</summary>
    private IEnumerable<string> Keys(string word)
    {
        var keys = new List<string> { "" };
        foreach (var c in word)
        {
            var readings = table.Of(c);
            if (readings.Count == 0)
            {
                return [];
            }

            keys = keys.SelectMany(k => readings.Select(r => k.Length == 0 ? r : k + "|" + r)).Take(MaxKeysPerWord).ToList();
        }

        return keys;
    }
}
