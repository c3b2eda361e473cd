using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Recurrence;

/// <summary>
/// How a duty repeats (the plan's 周期 column): weekly on a weekday, monthly on a day or on the last
/// workday, quarterly, yearly on a date, or yearly on a lunar date. Parsed by <see cref="RecurrenceText"/>.
/// </summary>
public abstract record RecurrenceRule
{
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
