namespace CampaignBot.Scheduling.Calendar;

/// <summary>
/// Monday to Friday are workdays and weekends are not, except where the calendar table says
/// otherwise: official holidays (法定节假日) are off and make-up workdays (调休上班) are on.
/// </summary>
public sealed class WorkdayCalendar(IReadOnlyDictionary<DateOnly, bool> exceptions) : IWorkdayCalendar
{
    public static readonly WorkdayCalendar WeekdaysOnly = new(new Dictionary<DateOnly, bool>());

    public bool IsWorkday(DateOnly date) =>
        exceptions.TryGetValue(date, out var isWorkday) ? isWorkday : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
