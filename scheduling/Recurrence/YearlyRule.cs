using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Recurrence;

public sealed record YearlyRule(int Month, int Day) : RecurrenceRule
{
    public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar) =>
        Enumerable.Range(from.Year, to.Year - from.Year + 1).Select(y => DayOfMonth(y, Month, Day)).Where(d => d >= from && d <= to);

    public override string Describe() => WithLead($"每年{Month}月{Day}日");
}
