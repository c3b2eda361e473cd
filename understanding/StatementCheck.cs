using System.Text.RegularExpressions;
using CampaignBot.Understanding.Glossary;

namespace CampaignBot.Understanding;

/// <summary>
/// The second reading of a message the rules read as a change: does the sentence holding the change
/// word plainly report it (T017 弄完了) or order it (标记 T017 完成)? It looks only at the clause
/// structure around that word: quotation marks, a request to check, someone else's words, a
/// condition, a question, a denial, the word used as a noun, an intention. It shares no word list
/// with the rules (<see cref="SpeechMarkers"/>), so that a change needs two independent readings
/// to agree; when they do not, the bot offers the change as a button and changes nothing.
/// </summary>
public static partial class StatementCheck
{
    /// <param name="text">The message as the reader reads it (lower case, simplified).</param>
    /// <param name="change">Where the change word stands.</param>
    /// <param name="opaque">Characters of things found by shape (task codes, dates, links): no marker is read inside them.</param>
    /// <param name="isRequest">The change is itself a request (an extension, a hand-over, a snooze): wanting it (想延期) asks for it now.</param>
    /// <param name="aheadDate">Where a date after today stands, if one does: beside a report it makes a plan (T019 下周弄完).</param>
    public static StatementReading Read(string text, (int Start, int End) change, bool[] opaque, bool isRequest = false, (int Start, int End)? aheadDate = null)
    {
        var masked = Mask(text, opaque);
        if (IsQuoted(masked, change.Start) || IsAttributed(masked))
        {
            return StatementReading.Quoted;
        }

        var (from, to) = ClauseAround(masked, change.Start, change.End);
        var before = masked[from..change.Start];
        var word = masked[change.Start..change.End];
        var after = masked[change.End..to];
        var rest = masked[change.End..];

        // 吴芳 提醒你一下, 再提醒大家: a reminder said to someone else is not the writer's own.
        if (IsRemindWord(word) && StartsWithAny(after.TrimStart(' ', '，', ','), SpeechMarkers.OthersReminded))
        {
            return StatementReading.ForSomeoneElse;
        }

        if (ContainsAny(Remove(masked, SpeechMarkers.NotCheckRequest), SpeechMarkers.CheckRequest))
        {
            return StatementReading.CheckAsked;
        }

        if (ContainsAny(masked[..change.Start], SpeechMarkers.Hearsay) || ReportsSomeonesWords(masked) || SomeoneElseWants(before)
            || (isRequest && ContainsAny(before, SpeechMarkers.ConsentReported)))
        {
            return StatementReading.Hearsay;
        }

        if (IsCondition(masked[..change.Start], before) || ContainsAny(rest, SpeechMarkers.ConditionAfter) || ContainsAny(after, SpeechMarkers.ConditionFollowing)
            || StartsWithAny(after, SpeechMarkers.ThenAfter) || StartsWithAny(after.TrimStart(), SpeechMarkers.ConditionRightAfter)
            || (after.StartsWith('时') && (after.Length == 1 || !"限间效长段点候刻".Contains(after[1]))))
        {
            return StatementReading.Conditional;
        }

        if (IsQuestion(masked, from, to))
        {
            return StatementReading.Question;
        }

        // …，我觉得不太合适: an opinion against it, even in a clause of its own after the change.
        if (IsNegated(before, after) || ContainsAny(rest, SpeechMarkers.OpinionAgainst))
        {
            return StatementReading.Negated;
        }

        if (StartsWithAny(after.TrimStart('的', ' '), SpeechMarkers.NounAfterChange) && !word.EndsWith('了'))
        {
            return StatementReading.NotAVerb;
        }

        // Part of it: 完成80%, 只完成了第一阶段, mostly done, 的材料完成了, 转给综合组审核一下, or taken back after (完成了，但是照片还没拍).
        var clause = before + " " + after;
        if ((ContainsAny(clause, SpeechMarkers.Partial) && !ContainsAny(clause, SpeechMarkers.Whole))
            || (isRequest && SpeechMarkers.PartOfTask.Any(p => before.TrimEnd().TrimEnd('的').EndsWith(p, StringComparison.Ordinal)))
            || (isRequest && ContainsAny(after, SpeechMarkers.ForSomething))
            || TakenBack(masked, to, isRequest) || (!isRequest && !ContainsAny(clause, SpeechMarkers.Whole) && CountsAPart(before, after)))
        {
            return StatementReading.Partial;
        }

        // 拟将截止时间顺延至2月10日，请予以审批: a proposal with its request for approval is the request.
        if (isRequest && ContainsAny(masked, SpeechMarkers.AskApproval))
        {
            return StatementReading.Plain;
        }

        if (!isRequest && aheadDate is { } ahead && ahead.Start < to && ahead.End > from)
        {
            return StatementReading.Intended;
        }

        return IsIntention(before, after, isRequest) ? StatementReading.Intended : StatementReading.Plain;
    }

    private static string Mask(string text, bool[] opaque)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length && i < opaque.Length; i++)
        {
            if (opaque[i])
            {
                chars[i] = '#';
            }
        }

        return new string(chars);
    }

    private static bool IsQuoted(string text, int at)
    {
        foreach (var (open, close) in SpeechMarkers.Quotes)
        {
            var o = text.LastIndexOf(open, Math.Max(0, at - 1));
            if (o >= 0 && o < at)
            {
                var c = text.IndexOf(close, o + 1);
                // A straight quote opens and closes with the same mark: the one before must be an opening one.
                if (c >= at && (open != close || text[..o].Count(ch => ch == open) % 2 == 0))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The clause holding the change word: between the marks or joiners that end clauses.</summary>
    private static (int From, int To) ClauseAround(string text, int start, int end)
    {
        var from = 0;
        for (var i = start - 1; i >= 0; i--)
        {
            if (EndsClause(text, i))
            {
                from = i + 1;
                break;
            }
        }

        var to = text.Length;
        for (var i = end; i < text.Length; i++)
        {
            if (EndsClause(text, i))
            {
                to = i;
                break;
            }
        }

        foreach (var joiner in SpeechMarkers.ClauseJoiners)
        {
            var j = text.LastIndexOf(joiner, Math.Max(0, start - 1), StringComparison.Ordinal);
            if (j >= from && j + joiner.Length <= start)
            {
                from = j + joiner.Length;
            }

            var k = text.IndexOf(joiner, end, StringComparison.Ordinal);
            if (k >= 0 && k < to)
            {
                to = k;
            }
        }

        return (from, to);
    }

    /// <summary>A clause ends at its mark, at a full stop before a space, and at a space between Chinese words (点错了 还没检查完 重开一下).</summary>
    private static bool EndsClause(string text, int i) =>
        Array.IndexOf(SpeechMarkers.ClauseEnds, text[i]) >= 0
        || (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == ' '))
        || (text[i] == ' ' && i > 0 && i + 1 < text.Length && TextNormalizer.IsChinese(text[i - 1]) && TextNormalizer.IsChinese(text[i + 1]));

    /// <summary>
    /// A reporting verb (说, 反馈, 汇报, 称, 表示) not in another word (说明, 名称) and not the writer's
    /// own (我说, 特此汇报): 李明说 T017 已经完成了, 张伟反馈T017已经完成了.
    /// </summary>
    private static bool ReportsSomeonesWords(string text)
    {
        foreach (var verb in SpeechMarkers.ReportingVerbs)
        {
            for (var i = text.IndexOf(verb, StringComparison.Ordinal); i >= 0; i = text.IndexOf(verb, i + 1, StringComparison.Ordinal))
            {
                var own = i > 0 && "我此现向并已再来".Contains(text[i - 1]);
                if (!own && !SpeechMarkers.NotReportingSay.Any(w => Covers(text, i, w)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>张伟：T017完成了, &gt; T017 完成了: someone's words set out as theirs.</summary>
    private static bool IsAttributed(string text)
    {
        var t = text.TrimStart();
        if (t.StartsWith('>'))
        {
            return true;
        }

        var colon = t.IndexOfAny(['：', ':']);
        return colon is >= 2 and <= 4 && t[..colon].All(TextNormalizer.IsChinese) && !SpeechMarkers.OwnOpeners.Contains(t[..colon]);
    }

    /// <summary>The clause after the change opens with but/但是 and denies something: it takes part of the change back.</summary>
    private static bool TakenBack(string text, int clauseEnd, bool isRequest)
    {
        if (clauseEnd >= text.Length)
        {
            return false;
        }

        // 完成了，但是照片还没拍; 验收完了，还有四家; 完成了3场，学校和企业还没去.
        var next = text[(clauseEnd + 1)..].TrimStart();
        var clause = next[..NextBreak(next)];
        // A request's next clause is usually its reason (理由：…还没验收), not what is left of it.
        return (StartsWithAny(next, SpeechMarkers.ButWords) && SpeechMarkers.NegationBefore.Any(n => ContainsWord(next, n)))
            || (!isRequest && (StartsWithAny(next, SpeechMarkers.StillToDo) || MoreLeft().IsMatch(next)
                || clause.Contains("还没", StringComparison.Ordinal) || clause.Contains("not yet", StringComparison.Ordinal)));
    }

    private static int NextBreak(string text)
    {
        var at = text.IndexOfAny([',', '，', '。', '.', ';', '；', '!', '！', '?', '？']);
        return at < 0 ? text.Length : at;
    }

    /// <summary>A count done, or a count still left: 完成了3场, 两家企业验收完了, 还有四家.</summary>
    private static bool CountsAPart(string before, string after) => CountAfter().IsMatch(after) || CountBefore().IsMatch(before);

    [GeneratedRegex(@"^还有\s*(?:[一二两三四五六七八九十几\d]|一些|部分|不少|好多|好几)")]
    private static partial Regex MoreLeft();

    [GeneratedRegex(@"^了?\s*[一二两三四五六七八九十几\d]+\s*[个场家次所处户批份轮期条棵项件名人]")]
    private static partial Regex CountAfter();

    // Not an ordinal: 第一批 names the batch, 第7个 the request.
    [GeneratedRegex(@"(?<![第\d一二两三四五六七八九十几])[一二两三四五六七八九十几\d]+\s*[个场家次所处户批份轮期条棵件名人]\S{0,6}$")]
    private static partial Regex CountBefore();

    private static bool IsRemindWord(string word) => word.Contains("提醒", StringComparison.Ordinal) || word.Contains("remind", StringComparison.Ordinal);

    /// <summary>A condition word anywhere before the change word (如果周五验收通过，HW-04就算完成了); 等 only opening its clause, since 照片、名单等 lists.</summary>
    private static bool IsCondition(string everythingBefore, string clauseBefore)
    {
        var opening = clauseBefore.TrimStart(' ', '请', '麻').TrimStart('烦', '你', ' ');
        return SpeechMarkers.ConditionBefore.Any(w => w is "等" or "待"
            ? opening.StartsWith(w, StringComparison.Ordinal) && !opening.StartsWith("等级", StringComparison.Ordinal)
            : ContainsWord(everythingBefore, w));
    }

    private static bool IsQuestion(string text, int from, int to)
    {
        var clause = text[from..to];
        var closing = to < text.Length ? text[to] : ' ';
        if (closing is '?' or '？' || clause.Contains('?') || clause.Contains('？'))
        {
            return true;
        }

        if (ContainsAny(clause, SpeechMarkers.QuestionWords))
        {
            return true;
        }

        var trimmed = clause.TrimEnd(' ', '.', '。', '!', '！', '~', '啊', '呀', '哈', '哦');
        if (trimmed.EndsWith('吧') && !trimmed.Contains('了'))
        {
            return false;
        }

        if (SpeechMarkers.QuestionEnds.Any(e => trimmed.EndsWith(e, StringComparison.Ordinal)) && !EndsWithInstruction(trimmed))
        {
            return true;
        }

        var firstWord = clause.TrimStart().Split(' ', 2)[0];
        return SpeechMarkers.EnglishQuestionOpeners.Contains(firstWord);
    }

    /// <summary>没, 不 closing a clause ask (完成没) unless they belong to a word that denies (还没): that is a denial, read next.</summary>
    private static bool EndsWithInstruction(string clause) => clause.EndsWith("还没", StringComparison.Ordinal) || clause.EndsWith("还没有", StringComparison.Ordinal);

    /// <summary>张伟想把T017延期: a wish with someone else before it, not the writer's (我想, 我们想 are).</summary>
    private static bool SomeoneElseWants(string before)
    {
        foreach (var wish in new[] { "想", "希望", "打算" })
        {
            var at = before.IndexOf(wish, StringComparison.Ordinal);
            if (at > 0 && TextNormalizer.IsChinese(before[at - 1]) && !"我们咱也还都就真很再挺".Contains(before[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegated(string before, string after)
    {
        var cleaned = Remove(before, SpeechMarkers.NotNegations);
        return ContainsAny(after, SpeechMarkers.JudgedAgainst)
            || SpeechMarkers.NegationBefore.Any(w => ContainsWord(cleaned, w))
            || SpeechMarkers.NegationAfter.Any(w => after.StartsWith(w, StringComparison.Ordinal) || after.StartsWith("了" + w, StringComparison.Ordinal));
    }

    /// <summary>
    /// An intention, plan or estimate before the change word (快完成, will be done, 明天完成), unless the
    /// clause says it is already so (已经, 了 after the word) or orders the bot (标记 … 完成).
    /// Single-character modals count only close to the word: 要 in 要求 or 重要 further off says nothing.
    /// </summary>
    private static bool IsIntention(string before, string after, bool isRequest)
    {
        // 快完成了, 就要办完了: "about to", whatever the 了 after it says.
        var justBefore = before.TrimEnd();
        if (SpeechMarkers.Imminent.Any(w => justBefore.EndsWith(w, StringComparison.Ordinal)))
        {
            return true;
        }

        if (ContainsAny(before, SpeechMarkers.Perfective) || after.StartsWith('了') || after.StartsWith('过'))
        {
            return false;
        }

        // A wish followed by an order, or a wish for a change that is a request, asks now (我要标记…, 想延期到…).
        var wish = SpeechMarkers.Wish.Select(w => (w, at: IndexOfWord(before, w))).Where(x => x.at >= 0).Select(x => x.at).DefaultIfEmpty(-1).Min();
        var cleaned = before;
        if (wish >= 0 && (isRequest || SpeechMarkers.Instruction.Any(i => IndexOfWord(before, i) > wish)))
        {
            cleaned = before[..wish] + new string(' ', before.Length - wish);
        }

        cleaned = Remove(cleaned, SpeechMarkers.NotModal);
        var near = cleaned.Length > 6 ? cleaned[^6..] : cleaned;
        foreach (var word in SpeechMarkers.IntentionBefore)
        {
            var chinese = TextNormalizer.IsChinese(word[0]);
            var haystack = chinese && word.Length == 1 ? near : cleaned;
            if (ContainsWord(haystack, word))
            {
                return true;
            }
        }

        // T017 done tomorrow, 完成 T017 下周: a time ahead after the word plans it too.
        return SpeechMarkers.IntentionBefore.Where(w => w is "明天" or "后天" or "下周" or "tomorrow" or "next week" or "later" or "soon").Any(w => ContainsWord(after, w));
    }

    private static string Remove(string text, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            text = text.Replace(word, new string(' ', word.Length), StringComparison.Ordinal);
        }

        return text;
    }

    private static bool Covers(string text, int at, string word)
    {
        var offset = word.IndexOf(text[at]);
        while (offset >= 0)
        {
            var start = at - offset;
            if (start >= 0 && start + word.Length <= text.Length && string.CompareOrdinal(text, start, word, 0, word.Length) == 0)
            {
                return true;
            }

            offset = word.IndexOf(text[at], offset + 1);
        }

        return false;
    }

    private static bool ContainsAny(string text, IEnumerable<string> words) => words.Any(w => ContainsWord(text, w));

    private static bool StartsWithAny(string text, IEnumerable<string> words) => words.Any(w => text.StartsWith(w, StringComparison.Ordinal));

    /// <summary>Chinese words anywhere; English words (and "n't") as whole words only.</summary>
    private static bool ContainsWord(string text, string word) => IndexOfWord(text, word) >= 0;

    private static int IndexOfWord(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var end = i + word.Length;
            var startOk = !char.IsAsciiLetter(word[0]) || i == 0 || !char.IsAsciiLetter(text[i - 1]);
            var endOk = !char.IsAsciiLetter(word[^1]) || end == text.Length || !char.IsAsciiLetter(text[end]);
            if (startOk && endOk)
            {
                return i;
            }
        }

        return -1;
    }
}
