using CampaignBot.Chat;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Tests.Seeding;

/// <summary>
/// A newcomer's first run: the sample campaign carries the speech's recurring duties (周四学习,
/// 每月中心组学习, 三会一课, 我们的节日), so 进度 and the weekly report show them at once.
/// </summary>
public class SampleDutiesTests
{
    [Fact]
    public async Task Progress_OnTheFirstRun_ShowsTheSpeechsRecurringDuties()
    {
        await using var services = await BotServices.CreateAsync(sampleDuties: true);

        var reply = await services.Get<ChatCommandRouter>().HandleAsync(
            new ChatRequest("进度", "sample-coordinator", "test", "first-run", false, [], null), CancellationToken.None);
        var text = string.Join("\n", reply.Items.Select(i => i.Title + " " + i.Subtitle).Prepend(reply.Header));

        Assert.Contains("周期任务（已办/应办）：", text);
        Assert.Contains("机关干部集体学习（周四学习）（每周四）", text);
        Assert.Contains("理论学习中心组学习（每月最后一个工作日）", text);
        Assert.Contains("支部党员大会（三会一课）", text);
        Assert.Contains("我们的节日·", text);
        // Held before the day of seeding, open after it: 周四学习 has about 13 Thursdays behind it.
        Assert.Matches(@"机关干部集体学习（周四学习）（每周四）：1[2-3]/1[2-3]", text);
    }

    [Needs(Needs.Host)]
    [Fact]
    public async Task WeeklyReport_OnTheFirstRun_ListsTheDuties()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var services = await BotServices.CreateAsync(new AnchoredTimeProvider(TestClock.Start.AddHours(2)), sampleDuties: true);
        await services.Database.BindChatAsync("leaders", connector.ServiceUrl, office: "领导小组办公室");

        await OperatorRun.RunAsync(services.Provider, "reminders", "run", "--at", "2026-06-15T09:00+08:00");

        var report = connector.To("leaders").Select(a => a["text"]?.GetValue<string>() ?? "").Single(t => t.StartsWith("【通报】", StringComparison.Ordinal));
        Assert.Contains("机关干部集体学习（周四学习）", report);
        Assert.Contains("我们的节日·端午主题活动", report);
    }

    [Needs(Needs.Host)]
    [Fact]
    public async Task TheBotsOwnStartUp_SeedsTheDuties()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["Campaign:SampleRecurringDuties"] = "true" });
        _ = app.Services; // starts the host: migrations, the shipped calendar, the sample

        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        var series = (await connection.QueryAsync<string>("SELECT code FROM task_series ORDER BY code")).ToList();
        Assert.Contains("S01", series);
        Assert.Contains("S02", series);
        Assert.Contains("S03", series);
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM task WHERE series_code = 'S02' AND status = 'done'") >= 10);
    }
}
