using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Recurrence;

public sealed record MonthlyRule(int Day) : RecurrenceRule
{
    public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar) =>
        Months(from, to).Select(m => DayOfMonth(m.Year, m.Month, Day)).Where(d => d >= from && d <= to);

    public override string Describe() => WithLead($"每月{Day}日");
}
