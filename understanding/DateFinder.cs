using System.Globalization;
using System.Text.RegularExpressions;
using CampaignBot.Understanding.Commands;
using CampaignBot.Understanding.Dates;
using CampaignBot.Understanding.Glossary;
using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Understanding;

/// <summary>Finds dates in a message: numbers (6月30日, 6/30, 2026-06-30, june 30), weekdays, months, counts of days, and <see cref="DatePhrases"/>.</summary>
public static partial class DateFinder
{
    private static readonly PhraseScanner<DatePhrases.Phrase> Phrases =
        new(DatePhrases.Table.SelectMany(row => row.Words.Select(w => (w, row.Phrase))));

    private static readonly string[] RangeWords = ["到", "至", "-", "~", "～", "—", "–", "to", "until", "and", "through"];

    /// <param name="Computed">A day counted from today (3天后, 元旦后), not named: a change lands it on a workday.</param>
    /// <param name="Holiday">A holiday's day: "after" it means the first workday after.</param>
    private readonly record struct Hit(int Start, int End, DateWindow? Window, InvalidInput? Error, bool Deadline, bool Weekday, bool Computed = false, bool Holiday = false, bool After = false)
    {
        /// <summary>The one day a change takes from a part of a month (3月初: the 1st), where the window is longer.</summary>
        public DateOnly? Day { get; init; }
    }

    public static DateFinding? Find(string text, string source, DateOnly today, bool[] taken, IWorkdayCalendar? workdays = null)
    {
        workdays ??= WorkdayCalendar.WeekdaysOnly;
        var hits = new List<Hit>();
        foreach (Match m in NamedYearDate().Matches(text))
        {
            var year = today.Year + m.Groups["y"].Value switch { "明年" => 1, "后年" => 2, "去年" => -1, _ => 0 };
            var (month, day) = (Number(m.Groups["m"].Value), Number(m.Groups["d"].Value));
            var valid = month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
            hits.Add(new Hit(m.Index, m.Index + m.Length, valid ? DateWindow.Day(new DateOnly(year, month, day)) : null, valid ? null : InvalidInput.ImpossibleDate, false, false));
        }

        Take(hits, taken);
        foreach (Match m in ExactDate().Matches(text))
        {
            if (Free(m, taken))
            {
                var reading = DateExpressions.Read(Ordinal().Replace(m.Value, ""), today);
                hits.Add(new Hit(m.Index, m.Index + m.Length, reading.Window, reading.Error, false, m.Groups["wd"].Success));
            }
        }

        Take(hits, taken);
        foreach (Match m in Counted().Matches(text))
        {
            if (Free(m, taken))
            {
                hits.Add(Counted(m, today));
            }
        }

        Take(hits, taken);
        foreach (Match m in ChineseMonthDay().Matches(text))
        {
            if (Free(m, taken))
            {
                var date = YearlessDates.Day(Number(m.Groups["m"].Value), Number(m.Groups["d"].Value), today);
                hits.Add(new Hit(m.Index, m.Index + m.Length, date is { } d ? DateWindow.Day(d) : null, date is null ? InvalidInput.ImpossibleDate : null, false, false));
            }
        }

        Take(hits, taken);
        foreach (Match m in DottedMonthDay().Matches(text))
        {
            if (Free(m, taken))
            {
                var date = YearlessDates.Day(Number(m.Groups["m"].Value), Number(m.Groups["d"].Value), today);
                hits.Add(new Hit(m.Index, m.Index + m.Length, date is { } d ? DateWindow.Day(d) : null, date is null ? InvalidInput.ImpossibleDate : null, false, false));
            }
        }

        Take(hits, taken);
        foreach (Match m in PartOfMonth().Matches(text))
        {
            if (Free(m, taken) && MonthNumber(m) is { } month)
            {
                var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : YearlessDates.YearOfMonth(month, today);
                var first = new DateOnly(year, month, 1);
                var last = first.AddMonths(1).AddDays(-1);
                // 月中, mid January: the 15th, a day a change can take; 上旬/中旬/下旬: the ten days asked about.
                DateWindow window = m.Groups["part"].Value switch
                {
                    "上旬" or "初" or "early" => new DateWindow(first, first.AddDays(9)),
                    "中旬" => new DateWindow(first.AddDays(10), first.AddDays(19)),
                    "下旬" or "late" => new DateWindow(first.AddDays(20), last),
                    _ => DateWindow.Day(first.AddDays(14)),
                };
                // A change needs one day: 3月初 the 1st, 中旬 the 15th, 下旬 the last.
                var day = m.Groups["part"].Value switch
                {
                    "上旬" or "初" or "early" => first,
                    "下旬" or "late" => last,
                    _ => first.AddDays(14),
                };
                hits.Add(new Hit(m.Index, m.Index + m.Length, window, null, false, false) { Day = day });
            }
        }

        Take(hits, taken);
        foreach (Match m in SoonBeforeDue().Matches(text))
        {
            if (Free(m, taken))
            {
                hits.Add(new Hit(m.Index, m.Index + m.Length, new DateWindow(today, today.AddDays(6)), null, false, false));
            }
        }

        Take(hits, taken);
        foreach (Match m in Month().Matches(text))
        {
            if (Free(m, taken) && MonthNumber(m) is { } month)
            {
                var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : YearlessDates.YearOfMonth(month, today);
                var first = new DateOnly(year, month, 1);
                var last = first.AddMonths(1).AddDays(-1);
                hits.Add(m.Groups["end"].Success
                    ? new Hit(m.Index, m.Index + m.Length, DateWindow.Day(last), null, true, false)
                    : new Hit(m.Index, m.Index + m.Length, new DateWindow(first, last), null, false, false));
            }
        }

        Take(hits, taken);
        foreach (var phrase in Phrases.Scan(text, taken))
        {
            hits.Add(new Hit(phrase.Start, phrase.End, phrase.Value.Window(today), null, phrase.Value.IsDeadline, false, Holiday: phrase.Value.IsHoliday, After: phrase.Value.After));
        }

        Take(hits, taken);
        foreach (Match m in DayOfMonth().Matches(text))
        {
            if (Free(m, taken) && MeansDayOfMonth(text, m))
            {
                var day = NextDayOfMonth(int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), today);
                hits.Add(new Hit(m.Index, m.Index + m.Length, day is { } d ? DateWindow.Day(d) : null, day is null ? InvalidInput.ImpossibleDate : null, false, false));
            }
        }

        Take(hits, taken);
        if (hits.Count == 0)
        {
            return null;
        }

        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i < hits.Count; i++)
        {
            hits[i] = AfterHoliday(hits[i], text, workdays, taken);
        }

        return Combine(hits, text, source, today, taken);
    }

    /// <summary>元旦后, 节后, 春节过后第一个工作日, after New Year: the first workday after the holiday.</summary>
    private static Hit AfterHoliday(Hit hit, string text, IWorkdayCalendar workdays, bool[] taken)
    {
        if (!hit.Holiday || hit.Window is not { } window)
        {
            return hit;
        }

        var following = HolidayAfterWords().Match(text, hit.End);
        var afterWord = AfterBefore().Match(text[..hit.Start]);
        var before = afterWord.Success;
        if (!hit.After && !following.Success && !before)
        {
            return hit;
        }

        var end = following.Success ? following.Index + following.Length : hit.End;
        var start = before ? afterWord.Index : hit.Start;
        Array.Fill(taken, true, start, end - start);
        var day = window.To.AddDays(1);
        while (!workdays.IsWorkday(day))
        {
            day = day.AddDays(1);
        }

        return hit with { Start = start, End = end, Window = DateWindow.Day(day), Deadline = false, Computed = true };
    }

    private static DateFinding Combine(List<Hit> hits, string text, string source, DateOnly today, bool[] taken)
    {
        var first = hits[0];
        var second = hits.Count > 1 && RangeWords.Contains(text[first.End..hits[1].Start].Trim()) ? hits[1] : (Hit?)null;
        if (second is null && first.Window is { IsSingleDay: true } day && BareDay().Match(text, first.End) is { Success: true } bare)
        {
            // 6月20号至30号: the end of the range names only its day.
            var dayOfMonth = int.Parse(bare.Groups["d"].Value, CultureInfo.InvariantCulture);
            var end = dayOfMonth <= DateTime.DaysInMonth(day.From.Year, day.From.Month) ? new DateOnly(day.From.Year, day.From.Month, dayOfMonth) : (DateOnly?)null;
            second = new Hit(bare.Index, bare.Index + bare.Length, end is { } e ? DateWindow.Day(e) : null, end is null ? InvalidInput.ImpossibleDate : null, false, false);
            Array.Fill(taken, true, bare.Index, bare.Length);
        }

        if (second is { } last)
        {
            var words = source[first.Start..last.End];
            if ((first.Error ?? last.Error) is { } error)
            {
                return new DateFinding(null, null, error, words, first.Start, last.End, false);
            }

            var range = new DateWindow(first.Window!.From, last.Window!.To);
            return range.From > range.To
                ? new DateFinding(null, null, InvalidInput.ReversedRange, words, first.Start, last.End, false)
                : new DateFinding(range, null, null, words, first.Start, last.End, false);
        }

        var said = source[first.Start..first.End];
        if (first.Error is { } invalid)
        {
            return new DateFinding(null, null, invalid, said, first.Start, first.End, false);
        }

        var window = first.Window!;
        var single = first.Day ?? (window.IsSingleDay ? window.From : (DateOnly?)null);
        var until = first.Deadline || UntilBefore().IsMatch(text[..first.Start]) || UntilAfter().IsMatch(text[first.End..]);
        if (until && window.To >= today)
        {
            window = new DateWindow(today, window.To);
        }

        return new DateFinding(window, single, null, said, first.Start, first.End, first.Weekday) { IsComputed = first.Computed };
    }

    private static Hit Counted(Match m, DateOnly today)
    {
        var n = m.Groups["n"].Success ? Number(m.Groups["n"].Value) : 1; // in a week
        var days = m.Groups["u"].Value is "周" or "个星期" or "星期" or "week" or "weeks" ? n * 7 : n;
        if (m.Groups["after"].Success)
        {
            return new Hit(m.Index, m.Index + m.Length, DateWindow.Day(today.AddDays(days)), null, false, false, Computed: true);
        }

        return days is >= 1 and <= 366
            ? new Hit(m.Index, m.Index + m.Length, new DateWindow(today, today.AddDays(days - 1)), null, false, false)
            : new Hit(m.Index, m.Index + m.Length, null, InvalidInput.ImpossibleDate, false, false);
    }

    private static int? MonthNumber(Match m)
    {
        if (m.Groups["mon"].Success)
        {
            return Array.FindIndex(EnglishMonths, name => name.StartsWith(m.Groups["mon"].Value, StringComparison.Ordinal)) + 1;
        }

        var month = Number(m.Groups["m"].Value);
        return month is >= 1 and <= 12 ? month : null;
    }

    /// <summary>3, 两, 十二, two: the small numbers people write in dates.</summary>
    private static int Number(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        if (Array.IndexOf(EnglishNumbers, text) is var english and >= 0)
        {
            return english + 1;
        }

        const string digits = "零一二三四五六七八九";
        var value = 0;
        var current = 0;
        foreach (var c in text)
        {
            if (c == '十')
            {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else
            {
                current = c == '两' ? 2 : digits.IndexOf(c);
            }
        }

        return value + current;
    }

    private static readonly string[] EnglishNumbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private static readonly string[] EnglishMonths =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static bool Free(Match m, bool[] taken) => Array.IndexOf(taken, true, m.Index, m.Length) < 0;

    private static void Take(List<Hit> hits, bool[] taken)
    {
        foreach (var hit in hits)
        {
            Array.Fill(taken, true, hit.Start, hit.End - hit.Start);
        }
    }

    // One day by numbers or by weekday; DateExpressions reads the words found.
    [GeneratedRegex(@"(?<!\d)\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|(?<![\d.])\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|(?<![\d/])\d{1,2}/\d{1,2}(?![\d/])"
        + @"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b(?:,?\s+\d{4})?"
        + @"|(?<wd>(?:(?:本|这|下下|下|上)个?)?(?:周|星期|礼拜)[一二三四五六日天1-7]|\b(?:(?:this|next|last) )?(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(?:day)?\b)")]
    private static partial Regex ExactDate();

    [GeneratedRegex(@"(?<=\d)(?:st|nd|rd|th)\b")]
    private static partial Regex Ordinal();

    // 未来3天, 10天内, 近两周, next 5 days, within 10 days; 3天后, 过3天, 过一周, in 3 days, in a week (one day).
    [GeneratedRegex(@"(?:未来|接下来|今后|最近|近)\s*(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?<u>天|日|周|个星期|星期)(?:内|之内|以内)?"
        + @"|(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?<u>天|个星期|周)(?:内|之内|以内)"
        + @"|(?<after>(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?<u>天|周|个星期|星期)(?:以)?后|过\s*(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?<u>天|周|个星期|星期)|\bin\s+(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|a\s+few)\s+days?\b|\bin\s+(?<n>\d{1,3}|one|two|three|four)\s+(?<u>weeks)\b|\bin\s+a\s+(?<u>week)\b|\bfor\s+(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|a\s+few)\s+days?\b)"
        + @"|\b(?:(?:in|within)\s+)?(?:the\s+)?next\s+(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?<u>days?|weeks?)\b|\bwithin\s+(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?<u>days?|weeks?)\b")]
    private static partial Regex Counted();

    // 7月份, 七月, 七月底 (its last day, a deadline), july, end of july.
    [GeneratedRegex(@"(?:(?<y>\d{4})\s*年\s*)?(?<![\d.])(?<m>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:份|(?<end>底|末))?(?![\d底末一二三四五六七八九十])(?!\s+\d)"
        + @"|\b(?<end>(?:the\s+)?end\s+of\s+)(?<mon>january|february|march|april|may|june|july|august|september|october|november|december)\b"
        + @"|\b(?:in\s+)?(?<mon>january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b(?!\s*\d)|\bin\s+(?<mon>may)\b")]
    private static partial Regex Month();

    // 明年1月15日, 今年12月20日: the year said in words.
    [GeneratedRegex(@"(?<y>今年|明年|后年|去年)\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]?")]
    private static partial Regex NamedYearDate();

    // 12.15号, 1.20日: a month and day with a dot, closed by 号 or 日, or right after 延期到 (延期到1.29); a bare 1.2 may be a code or a number.
    [GeneratedRegex(@"(?<![\d.])(?<m>1[0-2]|0?[1-9])\.(?<d>3[01]|[12]\d|0?[1-9])\s*[号日](?!\d)|(?<=(?:延期|推迟|延|推|改|顺延|延长)(?:到|至)\s*)(?<m>1[0-2]|0?[1-9])\.(?<d>3[01]|[12]\d|0?[1-9])(?![\d.])")]
    private static partial Regex DottedMonthDay();

    // 1月中旬, 一月中, mid January, early February: part of a month.
    [GeneratedRegex(@"(?:(?<y>\d{4})\s*年\s*)?(?<![\d.])(?<m>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:份)?\s*(?<part>上旬|中旬|下旬|月中|中|初)(?![一二三四五六七八九十\d])"
        + @"|\b(?<part>mid|early|late)[- ]?(?:of\s+)?(?<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b"
        + @"|\b(?<part>middle)\s+of\s+(?<mon>january|february|march|april|may|june|july|august|september|october|november|december)\b")]
    private static partial Regex PartOfMonth();

    // 十月一号, 七月十五日: months and days in Chinese numerals.
    [GeneratedRegex(@"(?<m>十[一二]?|[一二三四五六七八九])月(?<d>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]")]
    private static partial Regex ChineseMonthDay();

    // 快到期, 马上截止: soon; 到期 stays for the cue words.
    [GeneratedRegex(@"(?:快要|快|马上|即将|临近)(?=到期|截止)")]
    private static partial Regex SoonBeforeDue();

    [GeneratedRegex(@"\G\s*(?:到|至|-|~|～)\s*(?<d>\d{1,2})\s*[日号]")]
    private static partial Regex BareDay();

    // 15号前, 延到20号, the 15th, by the 10th: a day of the month without its month.
    [GeneratedRegex(@"(?<![\d月/.\-#:])(?<d>[0-3]?\d)\s*[号日](?![\d])|\bthe\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)\b")]
    private static partial Regex DayOfMonth();

    [GeneratedRegex(@"\G\s*(?:之后|以后|过后|后)(?:的)?(?:第一个工作日|第一天|上班第一天|上班后|上班)?")]
    private static partial Regex HolidayAfterWords();

    [GeneratedRegex(@"\bafter\s+(?:the\s+)?$")]
    private static partial Regex AfterBefore();

    /// <summary>
    /// 15号 is a day only where a day is meant: before 前/到期/截止/提醒, after 到/至/延到/before/by/on, in English "the 15th",
    /// or closing the message; 6号延期申请 and 12号延期不同意 name a request.
    /// </summary>
    private static bool MeansDayOfMonth(string text, Match m)
    {
        if (m.Value.StartsWith("the", StringComparison.Ordinal))
        {
            return true;
        }

        var after = text[(m.Index + m.Length)..].TrimStart();
        var before = text[..m.Index].TrimEnd();
        return after.Length == 0 && !before.EndsWith("延期", StringComparison.Ordinal)
            || DayFollowers.Any(w => after.StartsWith(w, StringComparison.Ordinal))
            || DayLeaders.Any(w => before.EndsWith(w, StringComparison.Ordinal));
    }

    private static readonly string[] DayFollowers = ["前", "之前", "以前", "到期", "截止", "截至", "再", "提醒", "那天", "当天", "交", "要交", "完成", "办结", "为止", "到", "至", "-", "~", "～", "之间"];

    private static readonly string[] DayLeaders = ["到", "至", "延到", "推到", "改到", "延至", "截至", "截止", "在", "等到", "on", "by", "before", "until", "till", "to"];

    /// <summary>The next such day from today: this month's if it is still ahead, else the next month that has it.</summary>
    private static DateOnly? NextDayOfMonth(int day, DateOnly today)
    {
        if (day is < 1 or > 31)
        {
            return null;
        }

        for (var month = new DateOnly(today.Year, today.Month, 1); month < new DateOnly(today.Year, today.Month, 1).AddMonths(3); month = month.AddMonths(1))
        {
            if (day <= DateTime.DaysInMonth(month.Year, month.Month) && new DateOnly(month.Year, month.Month, day) >= today)
            {
                return new DateOnly(month.Year, month.Month, day);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:到|至|截至|截止到|\bby|\bbefore|\buntil|\btill)\s*(?:the\s+)?$")]
    private static partial Regex UntilBefore();

    [GeneratedRegex(@"^\s*(?:前|之前|以前|为止)")]
    private static partial Regex UntilAfter();
}
