using CampaignBot.Ledger.Repositories;
using CampaignBot.Hosting;
using CampaignBot.Reminders;
using CampaignBot.Scheduling.Calendar;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// The calendar that ships with the bot (chinese-days, copied beside the binary at build time):
/// nobody loaded a CSV, and 2026's Spring Festival and National Day are still days off, their
/// make-up weekends workdays, and reminders due in them come on the last workday before.
/// </summary>
[Needs(Needs.Host)]
public class OfficialCalendarTests : SampleWithConnector
{
    private async Task<WorkdayCalendar> CalendarAsync()
    {
        await using var connection = await Services.Database.OpenAsync();
        return await WorkdayRepository.CalendarAsync(connection);
    }

    [Fact]
    public async Task StartUp_LoadsTheShippedCalendar_SpringFestivalAndNationalDay2026AreOffAndTheirMakeUpDaysOn()
    {
        // What the bot's start-up runs, with the file the build copied beside the binary.
        await Services.Provider.GetServices<IHostedService>().OfType<LedgerStartup>().Single().StartAsync(CancellationToken.None);
        var calendar = await CalendarAsync();

        for (var day = new DateOnly(2026, 2, 15); day <= new DateOnly(2026, 2, 23); day = day.AddDays(1))
        {
            Assert.False(calendar.IsWorkday(day), $"{day} is in the Spring Festival holiday");
        }

        for (var day = new DateOnly(2026, 10, 1); day <= new DateOnly(2026, 10, 7); day = day.AddDays(1))
        {
            Assert.False(calendar.IsWorkday(day), $"{day} is in the National Day holiday");
        }

        // Make-up workdays (调休上班): Saturdays 14 and 28 February, Sunday 20 September, Saturday 10 October.
        Assert.All(new DateOnly[] { new(2026, 2, 14), new(2026, 2, 28), new(2026, 9, 20), new(2026, 10, 10) }, d => Assert.True(calendar.IsWorkday(d), $"{d}"));
        // 2025 too: National Day 1–8 October, with Sunday 28 September worked.
        Assert.False(calendar.IsWorkday(new DateOnly(2025, 10, 8)));
        Assert.True(calendar.IsWorkday(new DateOnly(2025, 9, 28)));
        // An ordinary week stays as it was.
        Assert.True(calendar.IsWorkday(new DateOnly(2026, 3, 4)));
        Assert.False(calendar.IsWorkday(new DateOnly(2026, 3, 7)));
    }

    [Fact]
    public async Task ReminderDueInTheNationalDayHoliday_ComesOnTheLastWorkdayBefore()
    {
        await Services.Database.BindChatAsync("zonghe-chat", Connector.ServiceUrl, office: "综合组");
        await using (var connection = await Services.Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO task (campaign_id, code, title, lead_office_id, due_on, updated_at)
                VALUES (1, 'H01', '国庆期间到期的任务', (SELECT id FROM office WHERE name = '综合组'), '2026-10-05', '2026-06-15T01:00:00.000Z')
                """);
        }

        // Wednesday 30 September is the last workday before the holiday; 10 October, a Saturday, is worked.
        var (_, before) = await RunAsync("reminders", "preview", "--at", "2026-09-30T09:00+08:00");
        var (_, makeUp) = await RunAsync("reminders", "preview", "--at", "2026-10-10T10:00+08:00");

        Assert.Contains("发送时间 2026年9月30日 周三 09:00", before);
        Assert.Contains("今天到期：H01", before);
        Assert.Contains("发送时间 2026年10月10日 周六 09:00", makeUp);
    }

    [Fact]
    public async Task WorkdaysLoad_StillOverridesTheShippedCalendar()
    {
        await Services.Get<OfficialCalendar>().SyncAsync(CancellationToken.None);
        var path = Path.Combine(Services.Database.Folder, "calendar.csv");
        await File.WriteAllTextAsync(path, "日期,类型,名称\n2026-10-10,休,本单位调整\n2026-10-02,班,值班\n");

        var (code, _) = await RunAsync("workdays", "load", path);
        var calendar = await CalendarAsync();

        Assert.Equal(0, code);
        Assert.False(calendar.IsWorkday(new DateOnly(2026, 10, 10)));
        Assert.True(calendar.IsWorkday(new DateOnly(2026, 10, 2)));
        Assert.False(calendar.IsWorkday(new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void Read_TakesHolidaysAndMakeUpWorkdaysWithTheirChineseNames()
    {
        var days = OfficialCalendar.Read("""
            {"holidays": {"2026-10-01": "National Day,国庆节,3"}, "workdays": {"2026-10-10": "National Day,国庆节,3"}, "inLieuDays": {"2026-10-07": "National Day,国庆节,3"}}
            """);

        Assert.Equal([(new DateOnly(2026, 10, 1), false, "国庆节"), (new DateOnly(2026, 10, 10), true, "国庆节")], days.Select(d => (d.Date, d.IsWorkday, d.Name)));
    }
}
