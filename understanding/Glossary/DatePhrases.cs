using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding.Glossary;

/// <summary>
/// Date words that need no numbers, and the days they mean counted from today. Weeks run Monday to
/// Sunday. A deadline phrase (月底, end of the year) asked about means "from today up to then".
/// Numbers, weekdays and months are read by <see cref="DateFinder"/>.
/// </summary>
public static class DatePhrases
{
    /// <param name="IsHoliday">A holiday's day: "after" it (元旦后, after New Year) means the first workday after.</param>
    public sealed record Phrase(Func<DateOnly, DateWindow> Window, bool IsDeadline = false, bool IsHoliday = false, bool After = false);

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    private static readonly Phrase Today = new(d => DateWindow.Day(d));
    private static readonly Phrase Tomorrow = new(d => DateWindow.Day(d.AddDays(1)));
    private static readonly Phrase AfterTomorrow = new(d => DateWindow.Day(d.AddDays(2)));
    /// <summary>Monday to Sunday of today's week: also what a due question without a date asks about.</summary>
    public static DateWindow Week(DateOnly today) => new(Monday(today), Monday(today).AddDays(6));

    private static readonly Phrase ThisWeek = new(Week);
    private static readonly Phrase NextWeek = new(d => new(Monday(d).AddDays(7), Monday(d).AddDays(13)));
    private static readonly Phrase ThisMonth = new(d => new(FirstOfMonth(d), FirstOfMonth(d).AddMonths(1).AddDays(-1)));
    private static readonly Phrase NextMonth = new(d => new(FirstOfMonth(d).AddMonths(1), FirstOfMonth(d).AddMonths(2).AddDays(-1)));
    private static readonly Phrase MonthEnd = new(d => DateWindow.Day(FirstOfMonth(d).AddMonths(1).AddDays(-1)), IsDeadline: true);
    private static readonly Phrase NextMonthEnd = new(d => DateWindow.Day(FirstOfMonth(d).AddMonths(2).AddDays(-1)), IsDeadline: true);
    private static readonly Phrase YearEnd = new(d => DateWindow.Day(new DateOnly(d.Year, 12, 31)), IsDeadline: true);
    /// <summary>A holiday's next day (this year's if it is still ahead): asked about, from today up to it.</summary>
    private static Phrase Holiday(HolidayWords.Holiday holiday) => new(d => DateWindow.Day(HolidayWords.Next(holiday, d)), IsDeadline: true, IsHoliday: true);

    private static DateOnly QuarterStart(DateOnly d) => new(d.Year, (d.Month - 1) / 3 * 3 + 1, 1);

    private static readonly Phrase Soon = new(d => new(d, d.AddDays(6)));

    /// <summary>A part of a year (Q1, 上半年) without its year: this year's while it is under way or just over, else next year's.</summary>
    private static Phrase PartOfYear(int firstMonth, int months, int yearsAhead = 0) => new(d =>
    {
        var year = d.Year + yearsAhead;
        var from = new DateOnly(year, firstMonth, 1);
        if (yearsAhead == 0 && from.AddMonths(months).AddDays(-1) < d.AddDays(-Dates.YearlessDates.RecentDays))
        {
            from = from.AddYears(1);
        }

        return new DateWindow(from, from.AddMonths(months).AddDays(-1));
    });

    public static readonly IReadOnlyList<(Phrase Phrase, string[] Words)> Table =
    [
        (Today, ["今天", "今日", "今儿", "today"]),
        (Tomorrow, ["明天", "明日", "明儿", "tomorrow", "tmr", "tmrw", "tmw", "2moro"]),
        (AfterTomorrow, ["后天", "the day after tomorrow", "day after tomorrow"]),
        (new(d => DateWindow.Day(d.AddDays(3))), ["大后天"]),
        (ThisWeek, ["本周", "这周", "本星期", "这星期", "这个星期", "这礼拜", "这个礼拜", "本礼拜", "this week"]),
        (NextWeek, ["下周", "下星期", "下个星期", "下礼拜", "下个礼拜", "next week"]),
        (new(d => new(Monday(d).AddDays(14), Monday(d).AddDays(20))), ["下下周", "下下个星期", "下下礼拜"]),
        (new(d => new(QuarterStart(d), QuarterStart(d).AddMonths(3).AddDays(-1))), ["本季度", "这个季度", "这季度", "this quarter"]),
        (new(d => new(QuarterStart(d).AddMonths(3), QuarterStart(d).AddMonths(6).AddDays(-1))), ["下季度", "下个季度", "next quarter"]),
        (new(d => new(new DateOnly(d.Year, 1, 1), new DateOnly(d.Year, 12, 31))), ["今年", "本年度", "this year"]),
        (new(d => new(new DateOnly(d.Year + 1, 1, 1), new DateOnly(d.Year + 1, 12, 31))), ["明年", "下一年", "下年度", "next year"]),
        (PartOfYear(1, 3), ["q1", "一季度", "第一季度", "1季度"]),
        (PartOfYear(4, 3), ["q2", "二季度", "第二季度", "2季度"]),
        (PartOfYear(7, 3), ["q3", "三季度", "第三季度", "3季度"]),
        (PartOfYear(10, 3), ["q4", "四季度", "第四季度", "4季度"]),
        (PartOfYear(1, 6), ["上半年", "first half", "h1"]),
        (PartOfYear(7, 6), ["下半年", "second half", "h2"]),
        (PartOfYear(1, 6, yearsAhead: 1), ["明年上半年", "上半年明年", "first half of next year"]),
        (PartOfYear(7, 6, yearsAhead: 1), ["明年下半年", "second half of next year"]),
        (PartOfYear(1, 3, yearsAhead: 1), ["明年一季度", "明年第一季度", "q1 next year"]),
        (ThisMonth, ["本月", "这个月", "当月", "this month"]),
        (NextMonth, ["下月", "下个月", "next month"]),
        (MonthEnd, ["月底", "月末", "本月底", "这个月底", "end of month", "end of the month", "month end"]),
        (NextMonthEnd, ["下月底", "下个月底", "end of next month"]),
        (YearEnd, ["年底", "年末", "今年年底", "年内", "今年内", "end of the year", "end of year", "year end"]),
        (new(d => new(d, d.AddDays(1))), ["今明两天", "今明", "这两天", "这两日", "the next couple of days", "next couple of days", "the next two days", "next two days", "next 2 days", "the next 2 days"]),
        (new(d => new(Monday(d).AddDays(5), Monday(d).AddDays(6))), ["周末", "这周末", "本周末", "这个周末", "this weekend", "the weekend", "weekend"]),
        (new(d => new(Monday(d).AddDays(12), Monday(d).AddDays(13))), ["下周末", "下个周末", "next weekend"]),
        (new(d => DateWindow.Day(FirstOfMonth(d).AddMonths(1).AddDays(-1)), IsDeadline: true), ["本月内", "这个月内", "月内", "当月内", "这个月剩下", "本月剩下", "这个月剩余", "本月剩余", "这个月还剩", "本月还剩", "the rest of the month", "rest of this month", "within this month", "within the month", "by the end of this month"]),
        (new(d => new(d, d.AddDays(13))), ["这两周", "这两个星期", "近两周", "这半个月"]),
        .. HolidayWords.Table.Select(row => (Holiday(row.Holiday), row.Words)),
        (new(d => DateWindow.Day(HolidayWords.NextPublic(d)), IsDeadline: true, IsHoliday: true), ["节前", "节日前", "放假前", "假前", "before the holiday", "before the holidays"]),
        (new(d => DateWindow.Day(HolidayWords.NextPublic(d)), IsHoliday: true, After: true), ["节后", "节日后", "假期后", "收假后", "after the holiday", "after the holidays"]),
        (new(d => DateWindow.Day(HolidayWords.Next(HolidayWords.SpringFestival, d)), IsDeadline: true, IsHoliday: true), ["年前"]),
        (new(d => DateWindow.Day(HolidayWords.Next(HolidayWords.SpringFestival, d)), IsHoliday: true, After: true), ["年后"]),
        (Soon, ["最近", "近期", "这几天", "近几天", "soon", "recently", "the next few days"]),
    ];
}
