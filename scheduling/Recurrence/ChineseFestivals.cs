using System.Globalization;

namespace CampaignBot.Scheduling.Recurrence;

/// <summary>
/// Lunar dates to Gregorian ones with .NET's <see cref="ChineseLunisolarCalendar"/> (1901–2100),
/// which numbers a leap month (闰月) as an extra month of its year: in a year with 闰六月, the
/// seventh month is the leap one and 八月 is month 9.
/// </summary>
public static class ChineseFestivals
{
    public static readonly LunarFestival SpringFestival = new("春节", "Spring Festival", 1, 1);
    public static readonly LunarFestival DragonBoat = new("端午", "Dragon Boat Festival", 5, 5);
    public static readonly LunarFestival MidAutumn = new("中秋", "Mid-Autumn Festival", 8, 15);
    public static readonly LunarFestival DoubleNinth = new("重阳", "Double Ninth Festival", 9, 9);

    public static readonly IReadOnlyList<LunarFestival> All = [SpringFestival, DragonBoat, MidAutumn, DoubleNinth];

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>
    /// The Gregorian date of lunar <paramref name="month"/>/<paramref name="day"/> (not the leap
    /// month of that number) in the lunar year that starts in Gregorian <paramref name="year"/>.
    /// 三十 in a month of 29 days is its last day.
    /// </summary>
    public static DateOnly ToGregorian(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, Math.Min(day, Lunar.GetDaysInMonth(year, index)), 0, 0, 0, 0));
    }

    public static DateOnly DateIn(LunarFestival festival, int year) => ToGregorian(year, festival.LunarMonth, festival.LunarDay);

    public static LunarFestival? Find(string name) =>
        All.FirstOrDefault(f => f.Name == name || name.Contains(f.Name, StringComparison.Ordinal)
            || string.Equals(f.EnglishName, name, StringComparison.OrdinalIgnoreCase)
            || (name.Length > 3 && f.EnglishName.StartsWith(name, StringComparison.OrdinalIgnoreCase)));
}
