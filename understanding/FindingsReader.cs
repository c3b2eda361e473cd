using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CampaignBot.Understanding.Commands;
using CampaignBot.Understanding.Glossary;

namespace CampaignBot.Understanding;

/// <summary>
/// Reads a message into <see cref="Findings"/>: first the things with a shape (links, task codes,
/// dates), then the ledger's names, then cue words and fillers in what is left.
/// </summary>
public static partial class FindingsReader
{
    private static readonly PhraseScanner<Cue> CueScanner = new(
        CueWords.Table.SelectMany(row => row.Words.Select(w => (w, row.Cue)))
            .Concat(Fillers.Words.Concat(Fillers.NeutralWords).Select(w => (w, Cue.Filler))));

    private static readonly HashSet<string> EnglishQuestionOpeners =
        ["is", "are", "was", "were", "did", "does", "do", "has", "have", "can", "could", "will", "would", "should", "shall", "may", "might", "what", "what's", "whats", "when", "who", "which", "how", "why", "whether"];

    public static Findings Read(string? message, DateOnly today, ReplyLanguage defaultLanguage, LedgerNames names)
    {
        var (source, text) = TextNormalizer.Normalize(message);
        return Read(source, text, today, defaultLanguage, names);
    }

    /// <summary>Reads a message already normalised (<see cref="TextNormalizer"/>): <paramref name="text"/> may carry corrections the same length as <paramref name="source"/>.</summary>
    public static Findings Read(string source, string text, DateOnly today, ReplyLanguage defaultLanguage, LedgerNames names)
    {
        var taken = new bool[text.Length];

        var u = UrlPattern().Match(text);
        var url = u.Success ? (source.Substring(u.Index, u.Length), u.Index + u.Length) : ((string, int)?)null;
        Take(taken, u);

        // The ledger's own codes first, as written (LP-1, 1.2, 一.3), then anything shaped like a code (T999: "no such task").
        var codes = new List<(string Code, int Start, int End)>();
        foreach (var (code, start, length) in names.Codes.Find(text, taken))
        {
            codes.Add((code, start, start + length));
            Array.Fill(taken, true, start, length);
        }

        foreach (Match m in CodePattern().Matches(text))
        {
            if (Free(taken, m.Index, m.Length))
            {
                codes.Add((m.Value.ToUpperInvariant(), m.Index, m.Index + m.Length));
                Take(taken, m);
            }
        }

        codes.Sort((a, b) => a.Start.CompareTo(b.Start));

        // Links and task codes are letters but not words: they say nothing of the writer's language.
        var notWords = (bool[])taken.Clone();

        // Names before dates: 谢国庆 is a person, not National Day.
        var nameHits = names.Scanner.Scan(text, taken);
        foreach (var hit in nameHits)
        {
            Array.Fill(taken, true, hit.Start, hit.Length);
        }

        var date = DateFinder.Find(text, source, today, taken, names.Workdays);
        var opaque = (bool[])notWords.Clone();
        if (date is not null)
        {
            Array.Fill(opaque, true, date.Start, date.End - date.Start);
        }

        var n = NumberPattern().Match(text);
        var number = n.Success && Free(taken, n.Index, n.Length)
            ? (long.Parse(n.Groups["n"].Value, CultureInfo.InvariantCulture), n.Index + n.Length)
            : ((long, int)?)null;
        if (number is not null)
        {
            Take(taken, n);
        }

        var cues = PerfectiveVerbs(text, taken, CueScanner.Scan(text, taken));
        var explained = (bool[])taken.Clone();
        foreach (var cue in cues)
        {
            Array.Fill(explained, true, cue.Start, cue.Length);
        }

        var residual = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (!explained[i] && char.IsLetter(text[i]))
            {
                residual.Append(text[i]);
            }
        }

        return new Findings
        {
            Source = source,
            Text = text,
            Language = LanguageOf(text, source, notWords, nameHits, defaultLanguage),
            Today = today,
            Codes = codes.Select(c => (c.Code, c.End)).ToList(),
            Date = date,
            Office = Named(nameHits, text, office: true),
            Person = Named(nameHits, text, office: false),
            Cues = cues,
            Number = number,
            Url = url,
            Residual = residual.ToString(),
            Opaque = opaque,
            Explained = explained,
            // A link's "?access_token=" asks nothing.
            IsQuestion = IsQuestion(u.Success ? text.Remove(u.Index, u.Length).Insert(u.Index, new string(' ', u.Length)) : text, cues),
        };
    }

    /// <summary>几 as "a few", not "how many": after a ten (二十几棵), 好 (好几条) or a verb that adds (补充几张照片, 再传几份).</summary>
    private static bool IsAFew(string text, PhraseHit<Cue> hit) =>
        hit.Length == 1 && text[hit.Start] == '几' && hit.Start > 0 && "十补充加传发拍再好".Contains(text[hit.Start - 1]);

    /// <summary>
    /// A Chinese question word anywhere, a question mark, a closing 吧/呢, or an English sentence that
    /// opens with is/did/can… or a wh-word ("could you …" and "can you …" are polite, not questions).
    /// </summary>
    private static bool IsQuestion(string text, List<PhraseHit<Cue>> cues)
    {
        // 完成了吧, 是吧: a guess to be confirmed; 延到7月10号吧, 明天再提醒我吧: a request made softly.
        var closing = text.TrimEnd('。', '.', '!', '！', '~', ' ', '啊');
        if (text.Contains('?') || (closing.EndsWith('吧') && GuessBefore().IsMatch(closing)) || text.TrimEnd().EndsWith('呢'))
        {
            return true;
        }

        if (cues.Any(c => c.Value == Cue.Question && TextNormalizer.IsChinese(text[c.Start]) && !IsAFew(text, c)))
        {
            return true;
        }

        // English asks by its first word (is T021 done, did anyone …) or by a wh-word anywhere.
        var first = FirstWord().Match(text);
        if (first.Success && EnglishQuestionOpeners.Contains(first.Value) && !cues.Any(c => c.Value == Cue.Filler && c.Start == 0))
        {
            return true;
        }

        return cues.Any(c => c.Value == Cue.Question && WhWords().IsMatch(text.AsSpan(c.Start, c.Length)));
    }

    /// <summary>
    /// Chinese when any Chinese is written beyond the ledger's names; English when English words are;
    /// else the default. Letters that are not words do not make a message English: links and task
    /// codes (<paramref name="notWords"/>: ZZB-03, DJ-01) and capitals-only abbreviations (PPT). The
    /// chat remembers the language a message is in (what the bot later sends it unprompted), so a
    /// code looked up must not turn an office's group English.
    /// </summary>
    /// <param name="source">As written (case kept), when it lines up with <paramref name="text"/>; else capitals are not told apart.</param>
    private static ReplyLanguage LanguageOf(string text, string source, bool[] notWords, List<PhraseHit<KnownName>> names, ReplyLanguage defaultLanguage)
    {
        var skip = (bool[])notWords.Clone();
        foreach (var name in names)
        {
            Array.Fill(skip, true, name.Start, name.Length);
        }

        var written = source.Length == text.Length ? source : text;
        var chinese = false;
        var english = false;
        for (var i = 0; i < text.Length; i++)
        {
            chinese |= !skip[i] && TextNormalizer.IsChinese(text[i]);
            if (!english && !skip[i] && char.IsAsciiLetter(text[i]) && (i == 0 || !char.IsAsciiLetter(text[i - 1])))
            {
                var end = i;
                while (end < text.Length && char.IsAsciiLetter(text[end]) && !skip[end])
                {
                    end++;
                }

                english = end - i >= 2 && written.AsSpan(i, end - i).ContainsAnyInRange('a', 'z');
            }
        }

        return chinese ? ReplyLanguage.Chinese : english ? ReplyLanguage.English : defaultLanguage;
    }

    /// <summary>
    /// The first office (or person) named; after an arrow (马振华→唐晓燕, 综合组 -> 材料组), the one it points to.
    /// </summary>
    private static PhraseHit<KnownName>? Named(IEnumerable<PhraseHit<KnownName>> hits, string text, bool office)
    {
        var arrow = Math.Max(text.LastIndexOf('→'), text.LastIndexOf("->", StringComparison.Ordinal));
        var kind = hits.Where(h => h.Value.IsOffice == office).ToList();
        var pointed = arrow < 0 ? null : kind.FirstOrDefault(h => h.Start > arrow) is { Length: > 0 } after ? after : (PhraseHit<KnownName>?)null;
        return pointed ?? (kind.FirstOrDefault() is { Length: > 0 } first ? first : null);
    }

    /// <summary>
    /// Any verb said as finished is a report of done, not only the glossary's: 讲完了, 整治完了, 装订好了,
    /// 已查完. A verb with 完 (or 好了) after it, where nothing else was read, becomes a done word.
    /// </summary>
    private static List<PhraseHit<Cue>> PerfectiveVerbs(string text, bool[] taken, List<PhraseHit<Cue>> cues)
    {
        var read = (bool[])taken.Clone();
        foreach (var cue in cues.Where(c => c.Value is not (Cue.WeakDone or Cue.Filler)))
        {
            Array.Fill(read, true, cue.Start, cue.Length);
        }

        var found = new List<PhraseHit<Cue>>();
        foreach (Match m in ReportedAsOn().Matches(text))
        {
            var verb = m.Groups["v"];
            if (!Array.Exists(read[verb.Index..(verb.Index + verb.Length)], r => r))
            {
                found.Add(new PhraseHit<Cue>(verb.Index, verb.Length, Cue.Done));
            }
        }

        foreach (Match m in AlreadyInState().Matches(text))
        {
            var verb = m.Groups["v"];
            if (!Array.Exists(read[verb.Index..(verb.Index + verb.Length)], r => r))
            {
                found.Add(new PhraseHit<Cue>(verb.Index, verb.Length, Cue.Done));
            }
        }

        foreach (Match m in FinishedVerb().Matches(text))
        {
            var verb = m.Groups["v"];
            if (!Array.Exists(read[m.Index..(m.Index + m.Length)], r => r))
            {
                found.Add(new PhraseHit<Cue>(m.Index, m.Length, Cue.Done));
            }
        }

        if (found.Count == 0)
        {
            return cues;
        }

        var merged = cues.Where(c => !found.Any(f => c.Start < f.End && f.Start < c.End)).Concat(found).ToList();
        merged.Sort((a, b) => a.Start.CompareTo(b.Start));
        return merged;
    }

    // 已挂牌运行, 已经设好, 已报市文明办, 也发了: a finished state as offices report it.
    [GeneratedRegex(@"已(?:经)?(?:全部|都|均)?(?<v>报(?![名告销废])|上线|设好|建好|挂牌|开通|建成|发放|兑现|拨付|到账|启用|投用|公示|公布|张贴|安装|配齐|发出|召开|举办|验收)|(?<v>发)了(?=[\s，,。.!！;；~]|$)")]
    private static partial Regex AlreadyInState();

    // 已于今日上午正式报送, 已经于11月30日印发: done on a day, as official reports say it.
    [GeneratedRegex(@"已(?:经)?于[^，,。；;]{0,12}?(?<v>报送|提交|上报|印发|发出|召开|完成|举办|开展|上线|通过|办结)")]
    private static partial Regex ReportedAsOn();

    // 讲完了, 查完, 整治完毕, 装订好了: a verb's last character, then 完 (or 好了).
    // 完 ends the word (完了, 完毕, or 完 before a stop): 完城 is not 完; 已经 and 没 are not verbs.
    [GeneratedRegex(@"(?![已经未没不])(?<v>[\u4e00-\u9fff])(?:完(?:了|毕|啦)|完(?=[\s，,。.!！;；~]|$)|(?<good>好了|好啦))")]
    private static partial Regex FinishedVerb();

    private static bool Free(bool[] taken, int start, int length) => Array.IndexOf(taken, true, start, length) < 0;

    private static void Take(bool[] taken, Match m)
    {
        if (m.Success)
        {
            Array.Fill(taken, true, m.Index, m.Length);
        }
    }

    [GeneratedRegex(@"https?://[^\s，。]+")]
    private static partial Regex UrlPattern();

    // A code, not part of a longer word or number.
    [GeneratedRegex(TaskCodes.NotAfterAWord + TaskCodes.Pattern + @"(?![a-z0-9_@]|:\S)")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"(?<![0-9a-z.:/_@-])#?(?<n>\d{1,9})(?![0-9a-z.:/_@-])\s*号?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?:了|是|对|没错|好|完|没|过)吧$")]
    private static partial Regex GuessBefore();

    [GeneratedRegex(@"^[a-z']+(?![a-z0-9])")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"^(?:what|when|who|which|how|why)")]
    private static partial Regex WhWords();
}
