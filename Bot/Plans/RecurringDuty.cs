using System.Globalization;
using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Recurrence;

namespace CampaignBot.Plans;

/// <summary>
/// A recurring duty (a plan row with 周期) as its occurrences: its 开始日期 and 截止日期 bound the
/// events, and each event becomes a task of its own, coded by the series and the event's date
/// (R01-260716), due the rule's lead days before the event. The plan import and the sample
/// campaign both expand duties here.
/// </summary>
public static class RecurringDuty
{
    public static (PlanSeries Series, IReadOnlyList<PlanTask> Tasks) Expand(PlanTask template, RecurrenceRule rule, DateOnly from, IWorkdayCalendar calendar)
    {
        var tasks = rule.Occurrences(from, template.DueOn, calendar).Select(o => template with
        {
            Code = $"{template.Code}-{o.EventDate.ToString("yyMMdd", CultureInfo.InvariantCulture)}",
            // The title keeps the event's day; its year when the duty runs into another year than it starts in.
            Title = o.EventDate.Year == from.Year
                ? $"{template.Title}（{o.EventDate.Month}月{o.EventDate.Day}日）"
                : $"{template.Title}（{o.EventDate.Year}年{o.EventDate.Month}月{o.EventDate.Day}日）",
            StartsOn = null,
            DueOn = o.DueOn,
            SeriesCode = template.Code,
            EventOn = o.EventDate,
        }).ToList();
        return (new PlanSeries(template.Code, template.Title, rule.Describe(), rule.LeadDays), tasks);
    }
}
