namespace CampaignBot.Scheduling.Calendar;

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

    /// <summary><paramref name="date"/> itself if it is a workday, else the first workday after it.</summary>
    public static DateOnly OnOrAfterWorkday(this IWorkdayCalendar calendar, DateOnly date) =>
        calendar.IsWorkday(date) ? date : calendar.NthWorkdayAfter(date, 1);

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
