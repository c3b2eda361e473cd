using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Recurrence;

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
