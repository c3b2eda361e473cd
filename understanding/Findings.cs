using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding;

/// <summary>
/// Everything found in one message, before deciding what it asks for. Positions index both
/// <see cref="Source"/> (the user's words) and <see cref="Text"/> (the normalised form).
/// </summary>
public sealed class Findings
{
    public required string Source { get; init; }
    public required string Text { get; init; }
    public required ReplyLanguage Language { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>Task codes, upper case, in the order written, each with where it ends.</summary>
    public required IReadOnlyList<(string Code, int End)> Codes { get; init; }

    public required DateFinding? Date { get; init; }

    /// <summary>The first office named (its ledger name), and the first person.</summary>
    public required PhraseHit<KnownName>? Office { get; init; }
    public required PhraseHit<KnownName>? Person { get; init; }

    public required IReadOnlyList<PhraseHit<Cue>> Cues { get; init; }

    /// <summary>A number standing alone (an extension request's #12), with where it ends.</summary>
    public required (long Value, int End)? Number { get; init; }

    public required (string Url, int End)? Url { get; init; }

    /// <summary>Letters that neither a cue, a filler nor a found thing explains.</summary>
    public required string Residual { get; init; }

    /// <summary>Characters read as something: a found thing, a name, a cue word or a filler.</summary>
    public required bool[] Explained { get; init; }

    /// <summary>Characters of things found by their shape (links, task codes, the date): words are not read inside them.</summary>
    public required bool[] Opaque { get; init; }

    /// <summary>Asked rather than stated: 吗, 是否, 谁, 什么, a question mark, "is …", "did …".</summary>
    public required bool IsQuestion { get; init; }

    public bool Has(Cue cue) => Cues.Any(c => c.Value == cue);

    public PhraseHit<Cue>? Last(Cue cue) => Cues.LastOrDefault(c => c.Value == cue) is { Length: > 0 } hit ? hit : null;

    public string? Code => Codes.Count > 0 ? Codes[0].Code : null;

    public string? OfficeName => Office?.Value.Canonical;

    /// <summary>The office a question is about: not one that receives something (交到材料组, 给行政组).</summary>
    public string? ScopeOffice => Office is { } office
        && !Cues.Any(c => c.Value is Cue.Destination or Cue.Reassign && c.End <= office.Start && office.Start - c.End <= 1)
            ? office.Value.Canonical
            : null;

    /// <summary>
    /// Said as done and over (已完成, 弄完了, 办结, done), not only named (完成): a bare 完成 with a date
    /// (本周内完成) is a plan, not a report.
    /// </summary>
    public bool IsPerfective(PhraseHit<Cue> done)
    {
        var word = Text.Substring(done.Start, done.Length);
        return !BareDoneWords.Contains(word)
            || (done.End < Text.Length && Text[done.End] == '了')
            || Cues.Any(c => c.Value == Cue.Filler && c.End <= done.Start && done.Start - c.End <= 1 && Text[c.Start] == '已');
    }

    private static readonly HashSet<string> BareDoneWords = ["完成", "finish", "complete", "完工", "标记完成", "标记为完成", "mark done"];

    public bool OwnOffice => Has(Cue.OwnOffice);

    /// <summary>
    /// Asked as a favour, not as a question (can you remind me on the 14th?, 能不能帮我明天再提醒一下):
    /// for a reminder, which is the writer's own and one tap from undone, that is the request itself.
    /// </summary>
    public bool IsPoliteRequest =>
        PoliteOpeners.Any(p => Text.StartsWith(p, StringComparison.Ordinal) || Text.Contains(" " + p + " ", StringComparison.Ordinal))
        || PoliteChinese.Any(p => Text.Contains(p, StringComparison.Ordinal));

    private static readonly string[] PoliteOpeners = ["can you", "could you", "would you", "will you", "can u", "pls", "please"];

    /// <summary>
    /// Asking leave (能不能延到1月15日, can we push T017 to 12/24?): how people ask for an extension, which
    /// only files a request the coordinators decide on, one tap from withdrawn.
    /// </summary>
    public bool AsksLeave =>
        IsPoliteRequest
        || LeaveOpeners.Any(p => Text.StartsWith(p, StringComparison.Ordinal) || Text.Contains(" " + p + " ", StringComparison.Ordinal))
        || LeaveChinese.Any(p => Text.Contains(p, StringComparison.Ordinal));

    private static readonly string[] LeaveOpeners = ["can we", "could we", "can i", "could i", "may we", "may i", "is it possible", "would it be possible", "any chance"];

    /// <remarks>Not 能延…吗 or 要不要申请: whether it could be done is asked there, not the leave (XF-02 能延到元旦以后吗？先问问).</remarks>
    private static readonly string[] LeaveChinese = ["能不能", "能否", "可不可以", "可否"];

    private static readonly string[] PoliteChinese = ["能不能帮我", "能否帮我", "可以帮我", "麻烦你", "麻烦", "帮我", "能不能提醒", "可以提醒", "能提醒"];

    /// <summary>
    /// A done word that is denied or only hoped for: 没完成, 未办结, 完成不了, 能完成, isn't done.
    /// The negation or modal stands right before the done word (or 不了/没有 right after it).
    /// </summary>
    public bool DoneIsDenied(PhraseHit<Cue> done) =>
        Cues.Any(c => c.Value is Cue.Negation or Cue.Modal && c.End <= done.Start && done.Start - c.End <= 2)
        || Cues.Any(c => c.Value is Cue.Negation or Cue.Question && c.Start >= done.End && c.Start - done.End <= 1);

    /// <summary>A change word with a no right before it: 不要重开, 别转给, don't reopen.</summary>
    public bool IsNegated(PhraseHit<Cue> change) =>
        Cues.Any(c => c.Value == Cue.Negation && c.End <= change.Start && change.Start - c.End <= 2);

    /// <summary>The user's words after a position, without the punctuation and particles that join them on.</summary>
    public string? After(int position, params string[] leadIns)
    {
        if (position >= Source.Length)
        {
            return null;
        }

        var rest = Source[position..].Trim().TrimStart(',', '，', '、', ':', '：', ';', '；', '。', '.', '?', '？', '!', '！', ' ', '了', '啦', '哈', '吧');
        // 能延期到1月15日吗？理由是…: the reason is what its lead-in names, even after the question's end.
        if (leadIns.Select(l => (LeadIn: l, At: rest.IndexOf(l, StringComparison.OrdinalIgnoreCase))).Where(l => l.At > 0 && l.At <= 4 && IsBreak(rest[l.At - 1]))
                .OrderBy(l => l.At).FirstOrDefault() is { LeadIn: not null } found)
        {
            rest = rest[found.At..];
        }

        foreach (var leadIn in leadIns)
        {
            if (rest.StartsWith(leadIn, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[leadIn.Length..].TrimStart(':', '：', ' ', ',', '，');
            }
        }

        rest = rest.TrimEnd('。', '.', '!', '！', ' ');
        return rest.Length > 0 ? rest : null;
    }

    private static bool IsBreak(char c) => c is ',' or '，' or '。' or '.' or '?' or '？' or '!' or '！' or ' ' or ';' or '；';
}
