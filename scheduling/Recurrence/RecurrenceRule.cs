using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Recurrence;

/// <summary>
/// How a duty repeats (the plan's 周期 column): weekly on a weekday, monthly on a day or on the last
/// workday, quarterly, yearly on a date, or yearly on a lunar date. Parsed by <see cref="RecurrenceText"/>.
/// </summary>
public abstract record RecurrenceRule
{
    /// <summary>A closed family: only the rules in this file derive from it.</summary>
    private protected RecurrenceRule()
    {
    }

    /// <summary>Days before the event by which it must be organised: the occurrence's deadline.</summary>
    public int LeadDays { get; init; }

    /// <summary>The events from <paramref name="from"/> to <paramref name="to"/>, both included, in order.</summary>
    public abstract IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar);

    public IEnumerable<Occurrence> Occurrences(DateOnly from, DateOnly to, IWorkdayCalendar calendar) =>
        EventDates(from, to, calendar).Select(d => new Occurrence(d, d.AddDays(-LeadDays)));

    /// <summary>The rule in the plan's own words (Chinese), which <see cref="RecurrenceText.Parse"/> reads back.</summary>
    public abstract string Describe();

    protected string WithLead(string text) => LeadDays > 0 ? $"{text}，提前{LeadDays}天" : text;

    /// <summary>Day <paramref name="day"/> of a month, or its last day when the month is shorter (每月31日 in April is the 30th).</summary>
    protected static DateOnly DayOfMonth(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    protected static IEnumerable<(int Year, int Month)> Months(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            yield return (month.Year, month.Month);
        }
    }

    protected static DateOnly LastWorkdayOf(int year, int month, IWorkdayCalendar calendar) =>
        calendar.OnOrBeforeWorkday(new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
}

public sealed record WeeklyRule(DayOfWeek Day) : RecurrenceRule
{
    public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar)
    {
        var first = from.AddDays(((int)Day - (int)from.DayOfWeek + 7) % 7);
        for (var date = first; date <= to; date = date.AddDays(7))
        {
            yield return date;
        }
    }

    public override string Describe() => WithLead("每周" + RecurrenceText.ChineseWeekday(Day));
}

public sealed record MonthlyRule(int Day) : RecurrenceRule
{
    public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar) =>
        Months(from, to).Select(m => DayOfMonth(m.Year, m.Month, Day)).Where(d => d >= from && d <= to);

    public override string Describe() => WithLead($"每月{Day}日");
}

public sealed record MonthlyLastWorkdayRule : RecurrenceRule
{
    public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar) =>
        Months(from, to).Select(m => LastWorkdayOf(m.Year, m.Month, calendar)).Where(d => d >= from && d <= to);

    public override string Describe() => WithLead("每月最后一个工作日");
}

/// <summary>Each quarter: on day <see cref="Day"/> of its last month, or (no day) on its last workday.</summary>
public sealed record QuarterlyRule(int? Day) : RecurrenceRule
{
    public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar) =>
        Months(from, to).Where(m => m.Month % 3 == 0)
            .Select(m => Day is { } day ? DayOfMonth(m.Year, m.Month, day) : LastWorkdayOf(m.Year, m.Month, calendar))
            .Where(d => d >= from && d <= to);

    public override string Describe() => WithLead(Day is { } day ? $"每季度{day}日" : "每季度");
}

public sealed record YearlyRule(int Month, int Day) : RecurrenceRule
{
    public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar) =>
        Enumerable.Range(from.Year, to.Year - from.Year + 1).Select(y => DayOfMonth(y, Month, Day)).Where(d => d >= from && d <= to);

    public override string Describe() => WithLead($"每年{Month}月{Day}日");
}

/// <summary>Yearly on a lunar date (a festival, or 农历 month and day), converted year by year.</summary>
public sealed record LunarYearlyRule(int LunarMonth, int LunarDay, string? Festival) : RecurrenceRule
{
    public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar) =>
        // A lunar year starts in late January or February: its last months fall in the next Gregorian year.
        Enumerable.Range(from.Year - 1, to.Year - from.Year + 2)
            .Select(y => ChineseFestivals.ToGregorian(y, LunarMonth, LunarDay))
            .Where(d => d >= from && d <= to);

    public override string Describe() => WithLead(Festival is { } name ? "每年" + name : $"每年农历{RecurrenceText.ChineseLunarDate(LunarMonth, LunarDay)}");
}
