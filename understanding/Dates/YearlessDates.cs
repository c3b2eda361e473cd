namespace CampaignBot.Understanding.Dates;

/// <summary>
/// The year of a day or month written without one (1月15日, Jan 20, 3月份): its next occurrence, so
/// that 1月15日 written in December is next January. A day or month of the last
/// <see cref="RecentDays"/> days keeps this year (11月30日到期的 asked on 2 December is two days ago,
/// not next November): nobody means a date eleven months ahead when the same date is days behind.
/// </summary>
public static class YearlessDates
{
    public const int RecentDays = 31;

    /// <summary>The day meant, or null when the month has no such day in that year (2月30日).</summary>
    public static DateOnly? Day(int month, int day, DateOnly today)
    {
        if (month is < 1 or > 12 || day < 1 || day > 31)
        {
            return null;
        }

        if (day > DateTime.DaysInMonth(2024, month))
        {
            return null;
        }

        // From last year (12月28日 asked on 2 January is five days ago), the first one not long past, within a year:
        // 2月29日 in a year without one is no day (not one four years off).
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) is var date && date >= today.AddDays(-RecentDays))
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The year of a month named alone (3月份, in July): this year's while it is under way or just over, else next year's.</summary>
    public static int YearOfMonth(int month, DateOnly today)
    {
        for (var year = today.Year - 1; ; year++)
        {
            if (new DateOnly(year, month, 1).AddMonths(1).AddDays(-1) >= today.AddDays(-RecentDays))
            {
                return year;
            }
        }
    }
}
