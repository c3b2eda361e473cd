using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Recurrence;

public sealed record MonthlyLastWorkdayRule : RecurrenceRule
{
    public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, IWorkdayCalendar calendar) =>
        Months(from, to).Select(m => LastWorkdayOf(m.Year, m.Month, calendar)).Where(d => d >= from && d <= to);

    public override string Describe() => WithLead("每月最后一个工作日");
}
