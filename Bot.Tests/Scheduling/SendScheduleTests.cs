using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Reminders;

namespace CampaignBot.Tests.Scheduling;

/// <summary>Instants are UTC; days are Shanghai's. The machine's own time zone never matters.</summary>
public class SendScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeOnly NineAm = new(9, 0);

    [Theory]
    [InlineData("2026-06-14T15:59:59Z", "2026-06-14")]
    [InlineData("2026-06-14T16:00:00Z", "2026-06-15")] // local midnight
    [InlineData("2026-06-15T15:59:59Z", "2026-06-15")]
    public void LocalDay_AroundLocalMidnight_IsTheCampaignsDate(string instant, string day)
    {
        Assert.Equal(DateOnly.Parse(day), SendSchedule.LocalDay(DateTimeOffset.Parse(instant), Shanghai));
    }

    [Fact]
    public void SendInstant_NineInShanghai_IsOneUtc()
    {
        Assert.Equal(DateTimeOffset.Parse("2026-06-15T01:00:00Z"), SendSchedule.SendInstant(new(2026, 6, 15), NineAm, Shanghai));
    }

    [Theory]
    [InlineData("2026-06-15T00:59:59Z", "2026-06-12")] // Monday before 09:00: the latest send time was Friday's
    [InlineData("2026-06-15T01:00:00Z", "2026-06-15")]
    [InlineData("2026-06-14T03:00:00Z", "2026-06-12")] // Sunday
    public void PassedSendDays_LatestIsTheLastSendTimeReached(string now, string latest)
    {
        var days = SendSchedule.PassedSendDays(DateTimeOffset.Parse(now), 14, NineAm, Shanghai, WorkdayCalendar.WeekdaysOnly).ToList();

        Assert.Equal(DateOnly.Parse(latest), days[0]);
        Assert.All(days, d => Assert.True(WorkdayCalendar.WeekdaysOnly.IsWorkday(d)));
        Assert.Equal(days.OrderDescending(), days);
    }

    [Fact]
    public void KindOn_DeadlineToday_WhenServerClockIsUtcAndItIsAlreadyTomorrowThere()
    {
        // 2026-06-26 00:30 in Shanghai is still 2026-06-25 in UTC: the reminder of the deadline's day
        // belongs to 26 June, the campaign's date.
        var now = DateTimeOffset.Parse("2026-06-25T16:30:00Z");
        var day = SendSchedule.LocalDay(now, Shanghai);

        Assert.Equal("due-0", ReminderPlanner.KindOn(day, new DateOnly(2026, 6, 26), new ReminderOptions(), WorkdayCalendar.WeekdaysOnly));
    }
}
