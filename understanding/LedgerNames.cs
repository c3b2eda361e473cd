namespace CampaignBot.Understanding;

/// <summary>
/// The offices (names and aliases), people and task codes of the ledger, ready to be found anywhere in a
/// message. Built once per change of the directory by the caller (the bot's LedgerNamesCache);
/// the understanding itself does no I/O.
/// </summary>
public sealed class LedgerNames
{
    public static readonly LedgerNames Empty = new([], []);

    public LedgerNames(IEnumerable<NamedOffice> offices, IEnumerable<string> people, IEnumerable<string>? codes = null)
    {
        Codes = codes is null ? LedgerCodes.Empty : new LedgerCodes(codes);
        var peopleList = people.ToList();
        var officeList = offices.ToList();
        var names = officeList
            .SelectMany(o => o.Names.Select(n => (n.ToLowerInvariant(), new KnownName(o.Name, IsOffice: true))))
            .Concat(ShortForms(officeList))
            .Concat(peopleList.Select(p => (p.ToLowerInvariant(), new KnownName(p, IsOffice: false))))
            .Concat(Honorifics(peopleList))
            .ToList();
        Count = names.Count;
        Scanner = new PhraseScanner<KnownName>(names);
        sounds = new Lazy<SoundAlikes>(() => new SoundAlikes(names.Select(n => n.Item1), PinyinTable.Default));
    }

    public PhraseScanner<KnownName> Scanner { get; }

    /// <summary>
    /// The short forms people write for an office's name, when no other name has them: 人事代表工委 for
    /// 人事代表工作委员会, 发改委 for 发展和改革委员会's …委员会 → …委, 林业局 for 市林业局.
    /// </summary>
    private static IEnumerable<(string, KnownName)> ShortForms(IReadOnlyList<NamedOffice> offices)
    {
        var taken = offices.SelectMany(o => o.Names).Select(n => n.ToLowerInvariant()).ToHashSet();
        return offices
            .SelectMany(o => o.Names.SelectMany(Shortened).Select(s => (Form: s.ToLowerInvariant(), Office: o.Name)))
            .Where(s => !taken.Contains(s.Form))
            .GroupBy(s => s.Form)
            .Where(g => g.Select(s => s.Office).Distinct().Count() == 1)
            .Select(g => (g.Key, new KnownName(g.First().Office, IsOffice: true)));
    }

    private static IEnumerable<string> Shortened(string name)
    {
        if (name.Contains("工作委员会", StringComparison.Ordinal))
        {
            yield return name.Replace("工作委员会", "工委", StringComparison.Ordinal);
        }
        else if (name.EndsWith("委员会", StringComparison.Ordinal) && name.Length > 4)
        {
            yield return name[..^3] + "委";
        }

        if (name.Length >= 4 && name[0] is '市' or '区' or '县' or '省' && name[1] != '委')
        {
            yield return name[1..];
        }
    }

    /// <summary>Office titles people are called by: 潘局 is 潘海 and 黄主任 黄志刚, when one person alone has that surname.</summary>
    private static readonly string[] Titles =
        ["主任", "副主任", "局长", "副局长", "局", "科长", "处长", "书记", "部长", "老师", "总", "组长", "秘书长", "主席", "站长", "所长", "队长", "院长", "经理", "委员", "姐", "哥", "工", "秘"];

    private static IEnumerable<(string, KnownName)> Honorifics(IReadOnlyList<string> people) =>
        people.Where(p => p.Length is 2 or 3 && p.All(TextNormalizer.IsChinese))
            .GroupBy(p => p[0])
            .Where(g => g.Count() == 1)
            .SelectMany(g => Titles.Select(t => (g.Key + t, new KnownName(g.Single(), IsOffice: false))))
            .Where(h => !people.Contains(h.Item1));

    private readonly Lazy<SoundAlikes> sounds;

    /// <summary>The names by their sound: 才料组 is 材料组, 位健委 is 卫健委.</summary>
    public SoundAlikes Sounds => sounds.Value;

    /// <summary>The ledger's workdays: a day the reader computes (过3天, 元旦后) lands on one.</summary>
    public Scheduling.Calendar.IWorkdayCalendar Workdays { get; init; } = Scheduling.Calendar.WorkdayCalendar.WeekdaysOnly;

    /// <summary>The task codes the ledger holds, recognised as written whatever their shape.</summary>
    public LedgerCodes Codes { get; }

    /// <summary>How many names and aliases are loaded.</summary>
    public int Count { get; }
}
