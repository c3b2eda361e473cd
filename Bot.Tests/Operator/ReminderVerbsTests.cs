using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Operator;

[Needs(Needs.Host)]
public class ReminderVerbsTests : IAsyncLifetime
{
    private FakeConnector connector = null!;
    private BotServices services = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        services = await BotServices.CreateAsync(new AnchoredTimeProvider(TestClock.Start.AddHours(2)));
        await services.Database.BindChatAsync("zonghe-chat", connector.ServiceUrl, office: "综合组");
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connector.DisposeAsync();
    }

    private Task<(int Code, string Output)> RunAsync(params string[] args) => OperatorRun.RunAsync(services.Provider, args);

    [Fact]
    public async Task Preview_ListsTheSendTimesRemindersPerChatAndSendsNothing()
    {
        var (code, output) = await RunAsync("reminders", "preview", "--at", "2026-06-15T09:00+08:00");

        Assert.Equal(0, code);
        Assert.Contains("发送时间 2026年6月15日 周一 09:00（Asia/Shanghai），3 条提醒，发往 1 个会话：", output);
        Assert.Contains("综合组的群聊（Teams）", output);
        Assert.Contains("今天到期：T013", output);
        Assert.Contains("7 天后到期：T017", output);
        Assert.Equal(0, connector.Requests);
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_message"));
    }

    [Fact]
    public async Task Preview_WithoutAMoment_ShowsTheNextSendTime_NotTheLastOne()
    {
        // Monday 15 June, 11:00: that day's send time has passed; what comes next is Tuesday's.
        var (code, output) = await RunAsync("reminders", "preview");

        Assert.Equal(0, code);
        Assert.StartsWith("下一次发送：2026年6月16日 周二 09:00（Asia/Shanghai），", output);
        Assert.Contains("今天到期：T014", output);
    }

    [Fact]
    public async Task Preview_InPlainWords_WithNoInternalCodes()
    {
        var (_, output) = await RunAsync("reminders", "preview", "--at", "2026-06-15T09:00+08:00");

        Assert.Contains("  今天到期：T013 测评资料收集整理与台账装订（第一批）（2026年6月15日 周一截止，材料组牵头）", output);
        Assert.DoesNotMatch(@"(due|overdue)-\d", output);
        Assert.DoesNotContain("bf:", output);
        Assert.DoesNotContain("reminder(s)", output);
    }

    [Fact]
    public async Task Preview_OnAMonday_ShowsTheWeeklyReportsText()
    {
        // Before: the report was one line, "report  weekly report".
        await services.Database.BindChatAsync("leaders", connector.ServiceUrl, office: "领导小组办公室");

        var (_, output) = await RunAsync("reminders", "preview", "--at", "2026-06-15T09:00+08:00");

        var lines = output.Split('\n');
        var report = Array.FindIndex(lines, l => l.StartsWith("  每周通报", StringComparison.Ordinal));
        Assert.True(report > 0, output);
        Assert.StartsWith("领导小组办公室的群聊（Teams）", lines[report - 1]);
        Assert.StartsWith("    【通报】创建工作进展（6月15日 周一）：完成 ", lines[report + 1]);
        Assert.Contains(lines, l => l.StartsWith("    逾期任务 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_CatchingUpMissedSendTimes_ListsEachUnreachedTaskOnce()
    {
        // Monday's run, then none until Thursday: Tuesday, Wednesday and Thursday are made up at once,
        // and 材料组's overdue T012 is due a reminder on each of them. Before, it was listed three times.
        await RunAsync("reminders", "run", "--at", "2026-06-15T09:00+08:00");

        var (code, output) = await RunAsync("reminders", "run", "--at", "2026-06-18T09:00+08:00");

        Assert.Equal(0, code);
        Assert.StartsWith("已补上 3 个错过的发送时间：", output);
        var offices = Blocks(output);
        Assert.Contains("材料组", offices.Keys);
        Assert.All(offices, office => Assert.Equal(office.Value.Distinct(), office.Value));
        Assert.Single(offices["材料组"], code => code == "T012");
    }

    /// <summary>The unreached list's task codes per office ("材料组：3 项任务" and its indented lines).</summary>
    private static Dictionary<string, List<string>> Blocks(string output)
    {
        var blocks = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in output.Split('\n'))
        {
            if (System.Text.RegularExpressions.Regex.Match(line, @"^(\S+)：\d+ 项任务$") is { Success: true } office)
            {
                blocks[office.Groups[1].Value] = current = [];
            }
            else if (current is not null && line.StartsWith("  ", StringComparison.Ordinal))
            {
                current.Add(line.Trim().Split(' ')[0]);
            }
        }

        return blocks;
    }

    [Fact]
    public async Task Preview_InAnEnglishCampaign_SpeaksEnglish()
    {
        await using var english = await BotServices.CreateAsync(new AnchoredTimeProvider(TestClock.Start.AddHours(2)),
            new Dictionary<string, string?> { ["Campaign:DefaultLanguage"] = "English" });
        await english.Database.BindChatAsync("zonghe-chat", connector.ServiceUrl, office: "综合组");

        var (code, output) = await OperatorRun.RunAsync(english.Provider, "reminders", "preview", "--at", "2026-06-15T09:00+08:00");

        Assert.Equal(0, code);
        Assert.Contains("Send time Mon 15 Jun 2026 09:00 (Asia/Shanghai): 3 reminders to 1 chat:", output);
        Assert.Contains("综合组's group chat (Teams)", output);
        Assert.Contains("  due today: T013", output);
        Assert.Contains("Nothing reaches", output);
    }

    [Fact]
    public async Task Preview_MomentWithoutOffset_IsTheCampaignsLocalTime()
    {
        var (_, output) = await RunAsync("reminders", "preview", "--at", "2026-06-15T08:59");

        Assert.Contains("发送时间 2026年6月12日 周五 09:00（Asia/Shanghai）", output);
    }

    [Fact]
    public async Task Run_Twice_SendsOnce()
    {
        var first = await RunAsync("reminders", "run", "--at", "2026-06-15T09:00+08:00");
        var second = await RunAsync("reminders", "run", "--at", "2026-06-15T09:00+08:00");

        Assert.Equal(0, first.Code);
        Assert.Contains("已安排本次发送：新提醒 3 条。", first.Output);
        Assert.Contains("已发出消息 1 条。", first.Output);
        Assert.Contains("没有新的发送时间要安排。", second.Output);
        Assert.Contains("已发出消息 0 条。", second.Output);
        Assert.Single(connector.To("zonghe-chat"));
    }

    [Fact]
    public async Task WorkdaysLoad_GoodFile_ChangesWhenRemindersGo()
    {
        // Declaring Monday 15 June a holiday: nothing goes out that day.
        var path = Path.Combine(services.Database.Folder, "calendar.csv");
        await File.WriteAllTextAsync(path, "日期,类型,名称\n2026-06-15,休,测试假日\n2026-06-13,班,测试调休\n");

        var (code, output) = await RunAsync("workdays", "load", path);
        var preview = await RunAsync("reminders", "preview", "--at", "2026-06-15T10:00+08:00");

        Assert.Equal(0, code);
        Assert.Contains("1 天休息，1 天调休上班", output);
        Assert.Contains("发送时间 2026年6月13日 周六 09:00", preview.Output);
    }

    [Fact]
    public async Task WorkdaysLoad_BadRows_ReportsEachAndWritesNothing()
    {
        var path = Path.Combine(services.Database.Folder, "calendar.csv");
        await File.WriteAllTextAsync(path, "日期,类型,名称\n2026-10-01,休,国庆节\n2026-02-30,休,不存在\n2026-10-02,假,类型错\n2026-10-01,班,重复\n");

        var (code, output) = await RunAsync("workdays", "load", path);

        Assert.Equal(1, code);
        Assert.Contains("第 3 行: 日期「2026-02-30」不存在", output);
        Assert.Contains("第 4 行: 类型「假」应为「休」或「班」", output);
        Assert.Contains("第 5 行: 日期 2026-10-01 与第 2 行重复", output);
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM workday"));
    }
}
