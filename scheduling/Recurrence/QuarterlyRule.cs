using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Recurrence;

/// <summary>Each quarter: on day <see cref="Day"/> of its last month, or (no day) on its last workday.</summary>
public sealed record QuarterlyRule(int? Day) : RecurrenceRule
{
    public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar) =>
        Months(from, to).Where(m => m.Month % 3 == 0)
            .Select(m => Day is { } day ? DayOfMonth(m.Year, m.Month, day) : LastWorkdayOf(m.Year, m.Month, calendar))
            .Where(d => d >= from && d <= to);

    public override string Describe() => WithLead(Day is { } day ? $"每季度{day}日" : "每季度");
}
