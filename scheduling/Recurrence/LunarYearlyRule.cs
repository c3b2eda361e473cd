using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Recurrence;

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
