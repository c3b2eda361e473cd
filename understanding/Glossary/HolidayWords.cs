using CampaignBot.Scheduling.Recurrence;

namespace CampaignBot.Understanding.Glossary;

/// <summary>
/// Holidays people count to (春节前, before Christmas, 元旦后再提醒): the day each falls on in a
/// given year, by the fixed date or the lunisolar calendar (<see cref="ChineseFestivals"/>), and
/// 清明 by its solar term. 节前 / 节后 mean the next of the State Council's public holidays.
/// </summary>
public static class HolidayWords
{
    public sealed record Holiday(Func<int, DateOnly> DayIn, bool IsPublic);

    private static Holiday Fixed(int month, int day, bool isPublic = true) => new(year => new DateOnly(year, month, day), isPublic);

    private static Holiday Lunar(int month, int day, bool isPublic = true, int shift = 0) => new(year => ChineseFestivals.ToGregorian(year, month, day).AddDays(shift), isPublic);

    public static readonly Holiday NewYear = Fixed(1, 1);
    public static readonly Holiday SpringFestival = Lunar(1, 1);

    /// <summary>清明: the solar term, 4 or 5 April (the 21st century's rule for a term after February: [Y×0.2422 + 4.81] − [Y/4]).</summary>
    public static readonly Holiday QingMing = new(year => new DateOnly(year, 4, (int)(year % 100 * 0.2422 + 4.81) - year % 100 / 4), true);

    public static readonly IReadOnlyList<(Holiday Holiday, string[] Words)> Table =
    [
        (NewYear, ["元旦", "元旦节", "new year", "new year's day", "new years", "new year's"]),
        (SpringFestival, ["春节", "过年", "大年初一", "农历新年", "chinese new year", "spring festival", "lunar new year", "cny"]),
        (Lunar(1, 1, shift: -1), ["除夕", "年三十", "大年三十"]),
        (Lunar(1, 15, isPublic: false), ["元宵", "元宵节"]),
        // 小年: the northern 腊月廿三 (the south keeps 廿四), of the lunar year before the Spring Festival.
        (new(year => ChineseFestivals.ToGregorian(year, 12, 23), false), ["小年"]),
        (QingMing, ["清明", "清明节"]),
        (Fixed(5, 1), ["五一", "劳动节", "五一节", "may day", "labour day", "labor day"]),
        (Lunar(5, 5), ["端午", "端午节", "dragon boat festival", "dragon boat"]),
        (Fixed(7, 1, isPublic: false), ["七一", "建党节"]),
        (Fixed(8, 1, isPublic: false), ["八一", "建军节"]),
        (Lunar(8, 15), ["中秋", "中秋节", "mid-autumn", "mid autumn", "mid-autumn festival"]),
        (Fixed(10, 1), ["国庆", "国庆节", "十一假期", "national day"]),
        (Lunar(9, 9, isPublic: false), ["重阳", "重阳节"]),
        (Fixed(12, 25, isPublic: false), ["圣诞", "圣诞节", "christmas", "xmas", "christmas day"]),
        // Days campaigns work towards (植树节前种完, 学雷锋日活动), not days off.
        (Fixed(3, 5, isPublic: false), ["学雷锋日", "学雷锋纪念日"]),
        (Fixed(3, 8, isPublic: false), ["三八", "妇女节", "三八妇女节", "women's day"]),
        (Fixed(3, 12, isPublic: false), ["植树节", "arbor day", "tree planting day"]),
        (Fixed(5, 4, isPublic: false), ["五四", "青年节", "五四青年节"]),
        (Fixed(6, 1, isPublic: false), ["六一", "儿童节", "六一儿童节", "children's day"]),
        (Fixed(9, 10, isPublic: false), ["教师节", "teachers' day", "teachers day"]),
        (Fixed(12, 4, isPublic: false), ["宪法日", "国家宪法日"]),
        (Fixed(12, 5, isPublic: false), ["志愿者日", "国际志愿者日"]),
    ];

    /// <summary>The public holidays 节前 and 节后 count to.</summary>
    public static readonly IReadOnlyList<Holiday> Public = Table.Select(r => r.Holiday).Where(h => h.IsPublic).Distinct().ToList();

    /// <summary>The holiday's next day from today on (today itself included).</summary>
    public static DateOnly Next(Holiday holiday, DateOnly today) =>
        // From last year's: 小年 (腊月廿三) of the lunar year begun last year falls in this January.
        new[] { today.Year - 1, today.Year, today.Year + 1 }.Select(holiday.DayIn).Where(d => d >= today).Min();

    /// <summary>The first of the public holidays from today on.</summary>
    public static DateOnly NextPublic(DateOnly today) => Public.Select(h => Next(h, today)).Min();
}
