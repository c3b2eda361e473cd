using System.Text;
using CampaignBot.Plans;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Plans;

/// <summary>
/// A plan with 周期 rows, imported into the sample ledger (seeded Monday 15 June 2026): each event is a
/// task of its own (done, evidenced, reminded and overdue on its own), answers and reminders include
/// them, and progress counts them per duty.
/// </summary>
[Needs(Needs.Host)]
public sealed class RecurringPlanTests : IAsyncLifetime
{
    private const string Header = "编号,任务,测评项目,牵头单位,配合单位,责任人,开始日期,截止日期,佐证材料,周期";

    private MondayMorningChats chats = null!;

    private FakeConnector Connector => chats.Connector;

    private BotServices Services => chats.Services;

    public async Task InitializeAsync() =>
        chats = await MondayMorningChats.StartAsync(new Dictionary<string, string?> { ["Reminders:PerChatMessagesPerMinute"] = "0" }, ("zonghe-chat", "综合组"));

    public async Task DisposeAsync() => await chats.DisposeAsync();

    private async Task<(int Code, string Output)> ImportAsync(params string[] rows)
    {
        var path = Path.Combine(Services.Database.Folder, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, string.Join("\n", rows.Prepend(Header)), Encoding.UTF8);
        return await OperatorRun.RunAsync(Services.Provider, "import", path);
    }

    private const string Study = "R01,理论学习中心组学习,理论学习,机关党委,,何军,2026-06-01,2026-12-31,学习记录,每月最后一个工作日";
    private const string Thursdays = "R02,机关干部集体学习,理论学习,机关党委,,,2026-06-01,2026-07-31,签到表,每周四";
    private const string DragonBoat = "R03,我们的节日·端午,我们的节日,综合组,,张伟,2026-06-01,2026-12-31,活动照片,\"每年端午，提前7天\"";

    private async Task<List<(string Code, string Title, string DueOn, string? EventOn, string Status)>> OccurrencesAsync(string series)
    {
        await using var connection = await Services.Database.OpenAsync();
        return (await connection.QueryAsync<(string, string, string, string?, string)>(
            "SELECT code, title, due_on, event_on, status FROM task WHERE series_code = @Series ORDER BY due_on", new { Series = series })).ToList();
    }

    [Fact]
    public async Task EachEvent_BecomesATask_CodedByItsDate_DueItsLeadTimeBefore()
    {
        var (code, output) = await ImportAsync(Study, Thursdays, DragonBoat);

        Assert.True(code == 0, output);
        Assert.Equal(["R01-260630", "R01-260731", "R01-260831", "R01-260930", "R01-261030", "R01-261130", "R01-261231"], (await OccurrencesAsync("R01")).Select(o => o.Code));
        Assert.Equal(9, (await OccurrencesAsync("R02")).Count); // the Thursdays of June and July 2026
        var dragonBoat = Assert.Single(await OccurrencesAsync("R03"));
        Assert.Equal(("R03-260619", "我们的节日·端午（6月19日）", "2026-06-12", "2026-06-19", "open"),
            (dragonBoat.Code, dragonBoat.Title, dragonBoat.DueOn, dragonBoat.EventOn, dragonBoat.Status));
        await using var connection = await Services.Database.OpenAsync();
        Assert.Equal(["R01 每月最后一个工作日", "R02 每周四", "R03 每年端午，提前7天"],
            await connection.QueryAsync<string>("SELECT code || ' ' || rule FROM task_series ORDER BY code"));
    }

    [Fact]
    public async Task ABadRecurrence_IsARowError_AndNothingIsWritten()
    {
        var (code, output) = await ImportAsync(Study, "R04,每两周例会,,综合组,,,2026-06-01,2026-12-31,,每两周", "R05,无开始日期,,综合组,,,,2026-12-31,,每周四");

        Assert.NotEqual(0, code);
        Assert.Contains("任务 第 3 行: 周期无法识别「每两周」", output);
        Assert.Contains("任务 第 4 行: 周期任务需要开始日期", output);
        Assert.Empty(await OccurrencesAsync("R01"));
    }

    [Fact]
    public async Task Occurrences_AreInAnswersReminders_AndProgressCountsThem()
    {
        await ImportAsync(Study, Thursdays, DragonBoat);

        // 综合组's chat gets the 端午 activity (due 12 June, so overdue) in its Monday reminder.
        await Services.Get<ReminderCycle>().RunAsync(MondayMorningChats.Now, CancellationToken.None);
        var reminder = Assert.Single(Connector.To("zonghe-chat"));
        Assert.Contains(CardBlock.Of(reminder), a => a.Title.StartsWith("R03-260619", StringComparison.Ordinal));

        var (_, week) = await ChatAsync("sample-coordinator", "本周到期");
        Assert.Contains("R02-260618", week);
        var (_, progress) = await ChatAsync("sample-coordinator", "进度");
        Assert.Contains("我们的节日·端午（每年端午，提前7天）：0/1", progress);
        Assert.True(progress.Contains("机关干部集体学习（每周四）：0/2，共 9 次"), progress); // 4 and 11 June were Thursdays, both due

        await ChatAsync("sample-zonghe", "完成 R03-260619");
        var (_, after) = await ChatAsync("sample-coordinator", "进度");
        Assert.Contains("我们的节日·端午（每年端午，提前7天）：1/1", after);
    }

    [Fact]
    public async Task ReImporting_KeepsDoneOccurrences_AndDropsOpenOnesTheRuleNoLongerHas()
    {
        await ImportAsync(Study);
        var (_, done) = await ChatAsync("sample-dangwei", "完成 R01-260630");
        Assert.True(done.StartsWith("已完成：R01-260630", StringComparison.Ordinal), done);

        // The duty now ends in September: the October to December meetings go, June's (done) stays.
        var (code, output) = await ImportAsync(Study.Replace("2026-12-31", "2026-09-30"));

        Assert.True(code == 0, output);
        var left = await OccurrencesAsync("R01");
        Assert.Equal(["R01-260630", "R01-260731", "R01-260831", "R01-260930"], left.Select(o => o.Code));
        Assert.Equal("done", left[0].Status);
    }

    [Fact]
    public async Task TheSamplePlanOfRecurringDuties_ImportsIntoTheSampleCampaign()
    {
        var (code, output) = await OperatorRun.RunAsync(Services.Provider, "import", Path.Combine(RepositoryRoot.Path, "docs", "samples", "recurring-duties.csv"));

        Assert.True(code == 0, output);
        Assert.Equal(13, (await OccurrencesAsync("R01")).Count); // June 2026 to June 2027
        Assert.Equal(["R04-260619", "R04-270609"], (await OccurrencesAsync("R04")).Select(o => o.Code)); // 端午 2026 and 2027
        Assert.Equal(["R05-260925"], (await OccurrencesAsync("R05")).Select(o => o.Code));
    }

    private async Task<(int Count, string Text)> ChatAsync(string account, string text)
    {
        var reply = await Services.Get<CampaignBot.Chat.ChatCommandRouter>().HandleAsync(
            new CampaignBot.Chat.ChatRequest(text, account, "test", "conv-" + account, false, [], null), CancellationToken.None);
        var all = reply.Header + "\n" + string.Join("\n", reply.Items.Select(i => i.Title));
        return (reply.Items.Count, all);
    }
}
