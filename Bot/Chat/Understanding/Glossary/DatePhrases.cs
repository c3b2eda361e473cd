using CampaignBot.Chat.Parsing;

namespace CampaignBot.Chat.Understanding.Glossary;

/// <summary>
/// Date words that need no numbers, and the days they mean counted from today. Weeks run Monday to
/// Sunday. A deadline phrase (月底, end of the year) asked about means "from today up to then".
/// Numbers, weekdays and months are read by <see cref="DateFinder"/>.
/// </summary>
public static class DatePhrases
{
    public sealed record Phrase(Func<DateOnly, DateWindow> Window, bool IsDeadline = false);

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
    /// <summary>A holiday on a fixed day: this year's if it is still ahead, else next year's.</summary>
    private static Phrase Holiday(int month, int day) =>
        new(d => DateWindow.Day(new DateOnly(d.Year, month, day) >= d ? new DateOnly(d.Year, month, day) : new DateOnly(d.Year + 1, month, day)), IsDeadline: true);

    private static DateOnly QuarterStart(DateOnly d) => new(d.Year, (d.Month - 1) / 3 * 3 + 1, 1);

    private static readonly Phrase Soon = new(d => new(d, d.AddDays(6)));

    public static readonly IReadOnlyList<(Phrase Phrase, string[] Words)> Table =
    [
        (Today, ["今天", "今日", "今儿", "today"]),
        (Tomorrow, ["明天", "明日", "明儿", "tomorrow"]),
        (AfterTomorrow, ["后天", "the day after tomorrow", "day after tomorrow"]),
        (new(d => DateWindow.Day(d.AddDays(3))), ["大后天"]),
        (ThisWeek, ["本周", "这周", "本星期", "这星期", "这个星期", "这礼拜", "这个礼拜", "本礼拜", "this week"]),
        (NextWeek, ["下周", "下星期", "下个星期", "下礼拜", "下个礼拜", "next week"]),
        (new(d => new(Monday(d).AddDays(14), Monday(d).AddDays(20))), ["下下周", "下下个星期", "下下礼拜"]),
        (new(d => new(QuarterStart(d), QuarterStart(d).AddMonths(3).AddDays(-1))), ["本季度", "这个季度", "这季度", "this quarter"]),
        (new(d => new(QuarterStart(d).AddMonths(3), QuarterStart(d).AddMonths(6).AddDays(-1))), ["下季度", "下个季度", "next quarter"]),
        (new(d => new(new DateOnly(d.Year, 1, 1), new DateOnly(d.Year, 12, 31))), ["今年", "本年度", "this year"]),
        (ThisMonth, ["本月", "这个月", "当月", "this month"]),
        (NextMonth, ["下月", "下个月", "next month"]),
        (MonthEnd, ["月底", "月末", "本月底", "这个月底", "end of month", "end of the month", "month end"]),
        (NextMonthEnd, ["下月底", "下个月底", "end of next month"]),
        (YearEnd, ["年底", "年末", "今年年底", "年内", "今年内", "end of the year", "end of year", "year end"]),
        (new(d => new(d, d.AddDays(1))), ["今明两天", "今明"]),
        (new(d => new(d, d.AddDays(13))), ["这两周", "这两个星期", "近两周", "这半个月"]),
        (Holiday(1, 1), ["元旦", "new year", "new year's day"]),
        (Holiday(5, 1), ["五一", "劳动节"]),
        (Holiday(7, 1), ["七一", "建党节"]),
        (Holiday(8, 1), ["八一", "建军节"]),
        (Holiday(10, 1), ["国庆", "国庆节", "national day"]),
        (Soon, ["最近", "近期", "这几天", "这两天", "近几天", "soon", "recently", "the next few days"]),
    ];
}
