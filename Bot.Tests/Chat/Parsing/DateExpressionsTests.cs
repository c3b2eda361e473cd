using CampaignBot.Understanding.Commands;
using CampaignBot.Understanding.Dates;

namespace CampaignBot.Tests.Chat.Parsing;

public class DateExpressionsTests
{
    // Monday 15 June 2026.
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    [InlineData("今天", "2026-06-15", "2026-06-15")]
    [InlineData("today", "2026-06-15", "2026-06-15")]
    [InlineData("明天", "2026-06-16", "2026-06-16")]
    [InlineData("后天", "2026-06-17", "2026-06-17")]
    [InlineData("本周", "2026-06-15", "2026-06-21")]
    [InlineData("this week", "2026-06-15", "2026-06-21")]
    [InlineData("下周", "2026-06-22", "2026-06-28")]
    [InlineData("本月", "2026-06-01", "2026-06-30")]
    [InlineData("下个月", "2026-07-01", "2026-07-31")]
    [InlineData("月底", "2026-06-30", "2026-06-30")]
    [InlineData("6月30日", "2026-06-30", "2026-06-30")]
    [InlineData("6月30号", "2026-06-30", "2026-06-30")]
    [InlineData("6/30", "2026-06-30", "2026-06-30")]
    [InlineData("2026-06-30", "2026-06-30", "2026-06-30")]
    [InlineData("2026/6/30", "2026-06-30", "2026-06-30")]
    [InlineData("2027年1月5日", "2027-01-05", "2027-01-05")]
    [InlineData("周五", "2026-06-19", "2026-06-19")]
    [InlineData("星期日", "2026-06-21", "2026-06-21")]
    [InlineData("下周五", "2026-06-26", "2026-06-26")]
    [InlineData("next friday", "2026-06-26", "2026-06-26")]
    [InlineData("June 30", "2026-06-30", "2026-06-30")]
    [InlineData("未来7天", "2026-06-15", "2026-06-21")]
    [InlineData("6月1日到6月30日", "2026-06-01", "2026-06-30")]
    [InlineData("6/1-6/30", "2026-06-01", "2026-06-30")]
    [InlineData("2026-06-01~2026-06-30", "2026-06-01", "2026-06-30")]
    [InlineData("2026-06-01-2026-06-30", "2026-06-01", "2026-06-30")]
    [InlineData("今天到月底", "2026-06-15", "2026-06-30")]
    [InlineData("today to next friday", "2026-06-15", "2026-06-26")]
    public void Read_Expression_GivesWindow(string text, string from, string to)
    {
        var reading = DateExpressions.Read(text, Today);

        Assert.Equal(new DateWindow(DateOnly.Parse(from), DateOnly.Parse(to)), reading.Window);
    }

    [Theory]
    [InlineData("2月30日")]
    [InlineData("2026-02-29")]
    [InlineData("13/1")]
    [InlineData("4月31日")]
    [InlineData("6月1日到6月31日")]
    public void Read_DateThatDoesNotExist_IsImpossible(string text)
    {
        Assert.Equal(InvalidInput.ImpossibleDate, DateExpressions.Read(text, Today).Error);
    }

    [Fact]
    public void Read_LeapDayInLeapYear_IsValid()
    {
        Assert.Equal(DateWindow.Day(new DateOnly(2028, 2, 29)), DateExpressions.Read("2028-02-29", Today).Window);
    }

    [Fact]
    public void Read_RangeEndingBeforeItStarts_IsReversed()
    {
        Assert.Equal(InvalidInput.ReversedRange, DateExpressions.Read("6月30日到6月1日", Today).Error);
    }

    [Theory]
    [InlineData("综合组")]
    [InlineData("hello")]
    [InlineData("T017")]
    [InlineData("")]
    public void Read_NotADate_IsNotADate(string text)
    {
        Assert.False(DateExpressions.Read(text, Today).IsDate);
    }

    [Fact]
    public void Read_ThisWeekOnSunday_StillEndsThatSunday()
    {
        var sunday = new DateOnly(2026, 6, 21);

        Assert.Equal(new DateWindow(new DateOnly(2026, 6, 15), sunday), DateExpressions.Read("本周", sunday).Window);
    }
}
