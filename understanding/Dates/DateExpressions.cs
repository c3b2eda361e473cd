using System.Globalization;
using System.Text.RegularExpressions;
using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding.Dates;

/// <summary>
/// Reads dates the way people write them in chat: 今天, 明天, 后天, 本周, 下周, 本月, 月底, 6月30日, 6/30,
/// 2026-06-30, 下周五, ranges such as 6月1日到6月30日 or 6/1-6/30, and their English forms.
/// Pure: "today" is an argument. Weeks run Monday to Sunday.
/// </summary>
public static partial class DateExpressions
{
    private static readonly string[] RangeSeparators = ["到", "至", "~", "～", "—", "–", " to ", " until "];

    public static DateReading Read(string text, DateOnly today)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0)
        {
            return DateReading.NotADate;
        }

        var single = ReadSingle(t, today);
        if (single.IsDate)
        {
            return single;
        }

        foreach (var separator in RangeSeparators)
        {
            var at = t.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                return Combine(t[..at], t[(at + separator.Length)..], today);
            }
        }

        // "6/1-6/30" or "2026-06-01-2026-06-30": try every hyphen as the split point.
        for (var at = t.IndexOf('-'); at > 0; at = t.IndexOf('-', at + 1))
        {
            var range = Combine(t[..at], t[(at + 1)..], today);
            if (range.IsDate)
            {
                return range;
            }
        }

        return DateReading.NotADate;
    }

    private static DateReading Combine(string left, string right, DateOnly today)
    {
        var from = ReadSingle(left.Trim(), today);
        var to = ReadSingle(right.Trim(), today);
        if (!from.IsDate || !to.IsDate)
        {
            return DateReading.NotADate;
        }

        if (from.Error is not null || to.Error is not null)
        {
            return new DateReading(null, from.Error ?? to.Error);
        }

        var window = new DateWindow(from.Window!.From, to.Window!.To);
        return window.From > window.To ? new DateReading(null, InvalidInput.ReversedRange) : new DateReading(window, null);
    }

    private static DateReading ReadSingle(string t, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        DateWindow? window = t switch
        {
            "今天" or "今日" or "today" => DateWindow.Day(today),
            "明天" or "明日" or "tomorrow" => DateWindow.Day(today.AddDays(1)),
            "后天" or "the day after tomorrow" or "day after tomorrow" => DateWindow.Day(today.AddDays(2)),
            "昨天" or "yesterday" => DateWindow.Day(today.AddDays(-1)),
            "本周" or "这周" or "本星期" or "这个星期" or "this week" => new DateWindow(monday, monday.AddDays(6)),
            "下周" or "下个星期" or "下星期" or "next week" => new DateWindow(monday.AddDays(7), monday.AddDays(13)),
            "上周" or "上个星期" or "last week" => new DateWindow(monday.AddDays(-7), monday.AddDays(-1)),
            "本月" or "这个月" or "this month" => new DateWindow(firstOfMonth, firstOfMonth.AddMonths(1).AddDays(-1)),
            "下月" or "下个月" or "next month" => new DateWindow(firstOfMonth.AddMonths(1), firstOfMonth.AddMonths(2).AddDays(-1)),
            "月底" or "月末" or "本月底" or "end of month" or "end of the month" => DateWindow.Day(firstOfMonth.AddMonths(1).AddDays(-1)),
            "下月底" or "下个月底" or "end of next month" => DateWindow.Day(firstOfMonth.AddMonths(2).AddDays(-1)),
            _ => null,
        };
        if (window is not null)
        {
            return new DateReading(window, null);
        }

        if (NextDays().Match(t) is { Success: true } next)
        {
            var days = int.Parse(next.Groups["n"].Value, CultureInfo.InvariantCulture);
            return days is >= 1 and <= 366 ? new DateReading(new DateWindow(today, today.AddDays(days - 1)), null) : DateReading.NotADate;
        }

        if (ChineseWeekday().Match(t) is { Success: true } zhDay)
        {
            var weekOffset = zhDay.Groups["week"].Value switch { "下" => 7, "下下" => 14, "上" => -7, _ => 0 };
            var dayIndex = "一二三四五六日".IndexOf(zhDay.Groups["day"].Value[0]);
            if (dayIndex < 0)
            {
                dayIndex = zhDay.Groups["day"].Value is "天" or "7" ? 6 : int.Parse(zhDay.Groups["day"].Value, CultureInfo.InvariantCulture) - 1;
            }

            return new DateReading(DateWindow.Day(monday.AddDays(weekOffset + dayIndex)), null);
        }

        if (EnglishWeekday().Match(t) is { Success: true } enDay)
        {
            var weekOffset = enDay.Groups["week"].Value.Trim() switch { "next" => 7, "last" => -7, _ => 0 };
            var dayIndex = Array.FindIndex(EnglishDayNames, name => name.StartsWith(enDay.Groups["day"].Value, StringComparison.Ordinal));
            return new DateReading(DateWindow.Day(monday.AddDays(weekOffset + dayIndex)), null);
        }

        if (FullDate().Match(t) is { Success: true } full)
        {
            return Build(Number(full, "y"), Number(full, "m"), Number(full, "d"));
        }

        if (MonthDay().Match(t) is { Success: true } md)
        {
            return Yearless(Number(md, "m"), Number(md, "d"), today);
        }

        if (EnglishMonthDay().Match(t) is { Success: true } emd)
        {
            var month = Array.FindIndex(EnglishMonthNames, name => name.StartsWith(emd.Groups["mon"].Value, StringComparison.Ordinal)) + 1;
            return emd.Groups["y"].Success ? Build(Number(emd, "y"), month, Number(emd, "d")) : Yearless(month, Number(emd, "d"), today);
        }

        return DateReading.NotADate;
    }

    /// <summary>A day without a year: its next occurrence (<see cref="YearlessDates"/>).</summary>
    private static DateReading Yearless(int month, int day, DateOnly today) =>
        YearlessDates.Day(month, day, today) is { } date ? new DateReading(DateWindow.Day(date), null) : new DateReading(null, InvalidInput.ImpossibleDate);

    private static DateReading Build(int year, int month, int day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new DateReading(null, InvalidInput.ImpossibleDate);
        }

        return new DateReading(DateWindow.Day(new DateOnly(year, month, day)), null);
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static readonly string[] EnglishDayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly string[] EnglishMonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    [GeneratedRegex(@"^(?:(?<week>本|这|下下|下|上)(?:个)?)?(?:周|星期|礼拜)(?<day>[一二三四五六日天1-7])$")]
    private static partial Regex ChineseWeekday();

    [GeneratedRegex(@"^(?<week>this |next |last )?(?<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*$")]
    private static partial Regex EnglishWeekday();

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*[日号]?$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(?:(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]?|(?<m>\d{1,2})/(?<d>\d{1,2}))$")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"^(?:(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<d>\d{1,2})|(?<d>\d{1,2})\s+(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)(?:,?\s+(?<y>\d{4}))?$")]
    private static partial Regex EnglishMonthDay();

    [GeneratedRegex(@"^(?:未来|近|接下来)\s*(?<n>\d{1,3})\s*天$|^next\s+(?<n>\d{1,3})\s+days$")]
    private static partial Regex NextDays();
}
