using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignBot.Scheduling.Recurrence;

/// <summary>
/// Reads the plan's 周期 column, in Chinese or English (docs/plan-template.md):
/// 每周四 · 每月15日 · 每月最后一个工作日 · 每季度 · 每季度25日 · 每年3月5日 · 每年端午 · 每年农历八月十五,
/// each optionally followed by "，提前N天"; and every Thursday · monthly on the 15th · monthly on the
/// last workday · quarterly · quarterly on the 25th · yearly on 3-5 · yearly at Dragon Boat ·
/// yearly on lunar 8-15, optionally followed by ", N days ahead".
/// </summary>
public static partial class RecurrenceText
{
    private static readonly string[] WeekdayNames = ["日", "一", "二", "三", "四", "五", "六"];

    public static string ChineseWeekday(DayOfWeek day) => WeekdayNames[(int)day];

    public static string ChineseLunarDate(int month, int day) => LunarMonthName(month) + "月" + LunarDayName(day);

    /// <summary>The rule, or the reason the text is not one (for the import's row error).</summary>
    public static (RecurrenceRule? Rule, string? Error) Parse(string? text)
    {
        var normalized = (text ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (normalized.Length == 0)
        {
            return (null, "周期为空");
        }

        var lead = 0;
        if (Lead().Match(normalized) is { Success: true } leadMatch)
        {
            lead = int.Parse(leadMatch.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (lead > 365)
            {
                return (null, $"提前天数 {lead} 超过一年");
            }

            normalized = normalized[..leadMatch.Index].Trim();
        }

        var rule = Chinese(normalized.Replace(" ", "", StringComparison.Ordinal)) ?? English(normalized.ToLowerInvariant());
        return rule is null
            ? (null, $"无法识别「{text!.Trim()}」，应如 每周四、每月15日、每月最后一个工作日、每季度、每年3月5日、每年端午、每年农历八月十五（可加「，提前7天」）")
            : rule is Invalid invalid ? (null, invalid.Reason) : (rule with { LeadDays = lead }, null);
    }

    /// <summary>A rule shape that was recognised but holds an impossible value (每月32日, 每年2月30日).</summary>
    private sealed record Invalid(string Reason) : RecurrenceRule
    {
        public override IEnumerable<DateOnly> EventDates(DateOnly from, DateOnly to, Calendar.IWorkdayCalendar calendar) => [];

        public override string Describe() => Reason;
    }

    private static RecurrenceRule? Chinese(string text)
    {
        if (WeeklyZh().Match(text) is { Success: true } weekly)
        {
            var index = Array.IndexOf(WeekdayNames, weekly.Groups["d"].Value is "天" ? "日" : weekly.Groups["d"].Value);
            return new WeeklyRule((DayOfWeek)index);
        }

        if (text is "每月最后一个工作日" or "每月末个工作日")
        {
            return new MonthlyLastWorkdayRule();
        }

        if (MonthlyZh().Match(text) is { Success: true } monthly)
        {
            return Monthly(int.Parse(monthly.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        if (text is "每季度" or "每季")
        {
            return new QuarterlyRule(null);
        }

        if (QuarterlyZh().Match(text) is { Success: true } quarterly)
        {
            return Quarterly(int.Parse(quarterly.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        if (YearlyZh().Match(text) is { Success: true } yearly)
        {
            return Yearly(int.Parse(yearly.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(yearly.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("每年", StringComparison.Ordinal))
        {
            var rest = text[2..];
            if (rest.StartsWith("农历", StringComparison.Ordinal) && LunarZh().Match(rest[2..]) is { Success: true } lunar
                && LunarMonth(lunar.Groups["m"].Value) is { } month && LunarDay(lunar.Groups["d"].Value) is { } day)
            {
                return new LunarYearlyRule(month, day, null);
            }

            var name = rest.StartsWith("农历", StringComparison.Ordinal) ? rest[2..] : rest;
            if (ChineseFestivals.Find(name) is { } festival && (name == festival.Name || name == festival.Name + "节"))
            {
                return new LunarYearlyRule(festival.LunarMonth, festival.LunarDay, festival.Name);
            }
        }

        return null;
    }

    private static RecurrenceRule? English(string text)
    {
        if (WeeklyEn().Match(text) is { Success: true } weekly && Enum.TryParse<DayOfWeek>(weekly.Groups["d"].Value, ignoreCase: true, out var day))
        {
            return new WeeklyRule(day);
        }

        if (text is "monthly on the last workday" or "last workday of every month" or "every month on the last workday")
        {
            return new MonthlyLastWorkdayRule();
        }

        if (MonthlyEn().Match(text) is { Success: true } monthly)
        {
            return Monthly(int.Parse(monthly.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        if (text is "quarterly" or "every quarter")
        {
            return new QuarterlyRule(null);
        }

        if (QuarterlyEn().Match(text) is { Success: true } quarterly)
        {
            return Quarterly(int.Parse(quarterly.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        if (YearlyEn().Match(text) is { Success: true } yearly)
        {
            var (month, dayOfMonth) = (int.Parse(yearly.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(yearly.Groups["d"].Value, CultureInfo.InvariantCulture));
            return yearly.Groups["lunar"].Success
                ? month is >= 1 and <= 12 && dayOfMonth is >= 1 and <= 30 ? new LunarYearlyRule(month, dayOfMonth, null) : new Invalid($"农历没有 {month}月{dayOfMonth}日")
                : Yearly(month, dayOfMonth);
        }

        if (FestivalEn().Match(text) is { Success: true } festivalMatch && ChineseFestivals.Find(festivalMatch.Groups["f"].Value.Replace(" festival", "", StringComparison.Ordinal)) is { } festival)
        {
            return new LunarYearlyRule(festival.LunarMonth, festival.LunarDay, festival.Name);
        }

        return null;
    }

    private static RecurrenceRule Monthly(int day) => day is >= 1 and <= 31 ? new MonthlyRule(day) : new Invalid($"每月没有{day}日");

    private static RecurrenceRule Quarterly(int day) => day is >= 1 and <= 31 ? new QuarterlyRule(day) : new Invalid($"每季度没有{day}日");

    private static RecurrenceRule Yearly(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month) ? new YearlyRule(month, day) : new Invalid($"没有{month}月{day}日");

    private static readonly string[] Digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private static int? LunarMonth(string name) => name switch
    {
        "正" => 1,
        "冬" or "十一" => 11,
        "腊" or "十二" => 12,
        _ => Array.IndexOf(Digits, name) is > 0 and var m ? m : null,
    };

    private static int? LunarDay(string name)
    {
        if (name.StartsWith('初') && Array.IndexOf(Digits, name[1..]) is > 0 and var early)
        {
            return early;
        }

        if (name == "二十")
        {
            return 20;
        }

        if (name == "三十")
        {
            return 30;
        }

        if (name.Length == 2 && name[0] is '十' or '廿' && Array.IndexOf(Digits, name[1..]) is > 0 and < 10 and var unit)
        {
            return (name[0] == '十' ? 10 : 20) + unit;
        }

        return null;
    }

    private static string LunarMonthName(int month) => month switch { 1 => "正", 11 => "冬", 12 => "腊", _ => Digits[month] };

    private static string LunarDayName(int day) => day switch
    {
        <= 10 => "初" + Digits[day],
        < 20 => "十" + Digits[day - 10],
        20 => "二十",
        < 30 => "廿" + Digits[day - 20],
        _ => "三十",
    };

    [GeneratedRegex(@"\s*[,，;；]\s*(提前\s*(?<n>\d{1,3})\s*[天日]|(?<n>\d{1,3})\s*days?\s*(ahead|before|in advance|lead))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Lead();

    [GeneratedRegex(@"^每(周|星期)(?<d>[一二三四五六日天])$")]
    private static partial Regex WeeklyZh();

    [GeneratedRegex(@"^每月(?<d>\d{1,2})[日号]$")]
    private static partial Regex MonthlyZh();

    [GeneratedRegex(@"^每季度?(?<d>\d{1,2})[日号]$")]
    private static partial Regex QuarterlyZh();

    [GeneratedRegex(@"^每年(?<m>\d{1,2})月(?<d>\d{1,2})[日号]$")]
    private static partial Regex YearlyZh();

    [GeneratedRegex(@"^(?<m>正|冬|腊|十[一二]|[一二三四五六七八九十])月(?<d>初[一二三四五六七八九十]|十[一二三四五六七八九]|二十|廿[一二三四五六七八九]|三十)$")]
    private static partial Regex LunarZh();

    [GeneratedRegex(@"^(every|weekly on)\s+(?<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$")]
    private static partial Regex WeeklyEn();

    [GeneratedRegex(@"^(monthly on|every month on)\s+(the\s+)?(?<d>\d{1,2})(st|nd|rd|th)?$")]
    private static partial Regex MonthlyEn();

    [GeneratedRegex(@"^(quarterly on|every quarter on)\s+(the\s+)?(?<d>\d{1,2})(st|nd|rd|th)?$")]
    private static partial Regex QuarterlyEn();

    [GeneratedRegex(@"^(yearly|every year) on\s+(?<lunar>lunar\s+)?(?<m>\d{1,2})[-/](?<d>\d{1,2})$")]
    private static partial Regex YearlyEn();

    [GeneratedRegex(@"^(yearly|every year) (at|on) (the )?(?<f>spring festival|dragon boat( festival)?|mid-autumn( festival)?|double ninth( festival)?)$")]
    private static partial Regex FestivalEn();
}
