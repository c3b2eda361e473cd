using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Recurrence;

namespace CampaignBot.Tests.Scheduling;

/// <summary>The 周期 column: lunar festivals against known dates, each rule's occurrences, and bad text.</summary>
public class RecurrenceTests
{
    private static readonly WorkdayCalendar Calendar = new(new Dictionary<DateOnly, bool>
    {
        // A holiday table in which 30 September and 1 October are off and Saturday 10 October is a make-up workday.
        [new(2026, 9, 30)] = false,
        [new(2026, 10, 1)] = false,
        [new(2026, 10, 10)] = true,
    });

    [Theory]
    // Gregorian dates published for each festival; 2023 has 闰二月 and 2025 闰六月, which shift the month numbering.
    [InlineData("春节", 2024, "2024-02-10")]
    [InlineData("春节", 2025, "2025-01-29")]
    [InlineData("春节", 2026, "2026-02-17")]
    [InlineData("春节", 2027, "2027-02-06")]
    [InlineData("端午", 2023, "2023-06-22")]
    [InlineData("端午", 2024, "2024-06-10")]
    [InlineData("端午", 2025, "2025-05-31")]
    [InlineData("端午", 2026, "2026-06-19")]
    [InlineData("中秋", 2023, "2023-09-29")]
    [InlineData("中秋", 2024, "2024-09-17")]
    [InlineData("中秋", 2025, "2025-10-06")]
    [InlineData("中秋", 2026, "2026-09-25")]
    [InlineData("重阳", 2024, "2024-10-11")]
    [InlineData("重阳", 2025, "2025-10-29")]
    [InlineData("重阳", 2026, "2026-10-18")]
    public void LunarFestivals_FallOnTheirKnownDates(string festival, int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ChineseFestivals.DateIn(ChineseFestivals.Find(festival)!, year));
        var (rule, _) = RecurrenceText.Parse("每年" + festival);
        Assert.Equal([DateOnly.Parse(expected)], rule!.EventDates(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Calendar));
    }

    [Theory]
    [InlineData("每周四", "2026-06-01", "2026-06-30", "2026-06-04,2026-06-11,2026-06-18,2026-06-25")]
    [InlineData("every thursday", "2026-06-01", "2026-06-30", "2026-06-04,2026-06-11,2026-06-18,2026-06-25")]
    [InlineData("每月15日", "2026-06-01", "2026-08-31", "2026-06-15,2026-07-15,2026-08-15")]
    // A month without a 31st: its last day.
    [InlineData("每月31日", "2026-04-01", "2026-06-30", "2026-04-30,2026-05-31,2026-06-30")]
    [InlineData("monthly on the 31st", "2027-02-01", "2027-02-28", "2027-02-28")]
    // The last workday: 2026-10-31 is a Saturday; 2026-05-31 a Sunday.
    [InlineData("每月最后一个工作日", "2026-05-01", "2026-10-31", "2026-05-29,2026-06-30,2026-07-31,2026-08-31,2026-09-29,2026-10-30")]
    [InlineData("每季度", "2026-01-01", "2026-12-31", "2026-03-31,2026-06-30,2026-09-29,2026-12-31")]
    [InlineData("每季度25日", "2026-01-01", "2026-12-31", "2026-03-25,2026-06-25,2026-09-25,2026-12-25")]
    [InlineData("每年3月5日", "2026-01-01", "2027-12-31", "2026-03-05,2027-03-05")]
    [InlineData("yearly on 3-5", "2026-01-01", "2026-12-31", "2026-03-05")]
    [InlineData("每年农历八月十五", "2026-01-01", "2026-12-31", "2026-09-25")]
    [InlineData("yearly at Mid-Autumn Festival", "2026-01-01", "2026-12-31", "2026-09-25")]
    [InlineData("yearly on lunar 5-5", "2025-01-01", "2025-12-31", "2025-05-31")]
    [InlineData("每年中秋节", "2025-01-01", "2026-12-31", "2025-10-06,2026-09-25")]
    public void EachRule_GivesItsEventsInTheWindow(string text, string from, string to, string expected)
    {
        var (rule, error) = RecurrenceText.Parse(text);

        Assert.Null(error);
        Assert.Equal(expected.Split(',').Select(DateOnly.Parse), rule!.EventDates(DateOnly.Parse(from), DateOnly.Parse(to), Calendar));
    }

    [Theory]
    [InlineData("每年端午，提前10天", 10)]
    [InlineData("每年端午, 提前 10 天", 10)]
    [InlineData("yearly at dragon boat, 10 days ahead", 10)]
    [InlineData("每周四", 0)]
    public void ALeadTime_MovesTheDeadlineBeforeTheEvent(string text, int lead)
    {
        var (rule, _) = RecurrenceText.Parse(text);

        var occurrence = Assert.Single(rule!.Occurrences(new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 21), Calendar));
        Assert.Equal(lead, rule.LeadDays);
        Assert.Equal(occurrence.EventDate.AddDays(-lead), occurrence.DueOn);
    }

    [Theory]
    [InlineData("每周四")]
    [InlineData("每月15日，提前3天")]
    [InlineData("每月最后一个工作日")]
    [InlineData("每季度")]
    [InlineData("每季度25日")]
    [InlineData("每年3月5日")]
    [InlineData("每年端午，提前10天")]
    [InlineData("每年农历九月初九")]
    [InlineData("每年农历腊月廿三")]
    public void ADescription_ReadsBackAsTheSameRule(string text)
    {
        var (rule, _) = RecurrenceText.Parse(text);

        Assert.Equal(rule, RecurrenceText.Parse(rule!.Describe()).Rule);
    }

    [Theory]
    [InlineData("", "周期为空")]
    [InlineData("每月32日", "每月没有32日")]
    [InlineData("每年2月30日", "没有2月30日")]
    [InlineData("每两周", "无法识别")]
    [InlineData("每年清明", "无法识别")]
    [InlineData("每周四，提前400天", "超过一年")]
    [InlineData("yearly on lunar 13-1", "农历没有")]
    public void BadText_IsAClearError(string text, string expected)
    {
        var (rule, error) = RecurrenceText.Parse(text);

        Assert.Null(rule);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void ALunarDateLateInTheYear_FallsInTheNextGregorianYear()
    {
        // 腊月廿三 (小年) of the lunar year 2025 is 2026-02-10.
        var (rule, _) = RecurrenceText.Parse("每年农历腊月廿三");

        Assert.Contains(new DateOnly(2026, 2, 10), rule!.EventDates(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Calendar));
    }
}
