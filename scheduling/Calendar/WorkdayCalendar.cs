namespace CampaignBot.Scheduling.Calendar;

/// <summary>Which dates are workdays in the campaign's country.</summary>
public interface IWorkdayCalendar
{
    bool IsWorkday(DateOnly date);
}

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

public static class WorkdayCalendarExtensions
{
    /// <summary>The calendar has holidays of a few weeks at most; a year without a workday is a broken table.</summary>
    private const int MaxSearchDays = 366;

    /// <summary><paramref name="date"/> itself if it is a workday, else the workday before it.</summary>
    public static DateOnly OnOrBeforeWorkday(this IWorkdayCalendar calendar, DateOnly date)
    {
        for (var i = 0; i < MaxSearchDays; i++, date = date.AddDays(-1))
        {
            if (calendar.IsWorkday(date))
            {
                return date;
            }
        }

        throw new InvalidOperationException("The workday calendar has no workday in a whole year.");
    }

    /// <summary>The <paramref name="n"/>-th workday strictly after <paramref name="date"/> (n ≥ 1).</summary>
    public static DateOnly NthWorkdayAfter(this IWorkdayCalendar calendar, DateOnly date, int n)
    {
        var found = 0;
        for (var i = 0; i < MaxSearchDays * n; i++)
        {
            date = date.AddDays(1);
            if (calendar.IsWorkday(date) && ++found == n)
            {
                return date;
            }
        }

        throw new InvalidOperationException("The workday calendar has no workday in a whole year.");
    }
}
