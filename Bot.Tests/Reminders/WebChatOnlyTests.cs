using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Tests.Plans;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// An intranet that has only the Web Chat page behind its sign-on proxy: no group chat is bound to
/// any office. Its plan (创建国家卫生城市, not the sample) is imported, people open the page and
/// write once; from then on every message has a person to go to: the coordinator's Web Chat gets a
/// member's extension request with 同意/驳回, the owner and the lead get their office's reminders,
/// the leader the Monday 通报, and 退订 stops it.
/// </summary>
[Needs(Needs.Host)]
public sealed class WebChatOnlyTests : IAsyncLifetime
{
    private const string ProxyHeader = "X-Forwarded-User";
    private static readonly string Monday = "2026-06-15T09:00+08:00";

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider time = TestClock.Create();
    private BotApplication app = null!;
    private HttpClient http = null!;
    private readonly Dictionary<string, DirectLineSession> pages = [];

    public async Task InitializeAsync()
    {
        app = new BotApplication(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["DirectLine:TrustedUserHeader"] = ProxyHeader,
            ["Campaign:SeedSampleCampaign"] = "false",
            ["Campaign:Name"] = "创建国家卫生城市",
        }, time);
        http = new HttpClient { BaseAddress = app.StartOnKestrel() };
        var (code, output) = await OperatorRun.RunAsync(app.Services, "import", Plan(app.Folder));
        Assert.True(code == 0, output);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    /// <summary>
    /// 创卫办 coordinates (周海) with a leader (钱岚); 爱卫科 (lead 马骏, member 林晓), 宣传科 (lead 黄河,
    /// member 陈静) and 环卫处 (lead 赵刚) do the work. Monday 15 June: WS-01 due today, WS-02 tomorrow
    /// (爱卫科 helps), WS-03 next Monday, WS-04 three workdays overdue (督办 today), WS-10 due 30 June.
    /// </summary>
    private static string Plan(string folder) => PlanFiles.Xlsx(folder,
        [
            PlanFiles.Task("WS-01", "病媒生物防制检查", "爱卫科", "2026-06-15", owner: "林晓", evaluation: "病媒生物防制"),
            PlanFiles.Task("WS-02", "健康教育宣传栏更新", "宣传科", "2026-06-16", coOffices: "爱卫科", owner: "陈静", evaluation: "健康教育"),
            PlanFiles.Task("WS-03", "农贸市场环境整治", "环卫处", "2026-06-22", owner: "赵刚", evaluation: "市容环境"),
            PlanFiles.Task("WS-04", "背街小巷卫生死角清理", "爱卫科", "2026-06-10", owner: "林晓", evaluation: "市容环境"),
            PlanFiles.Task("WS-10", "重点场所病媒密度监测报告", "爱卫科", "2026-06-30", owner: "林晓", evaluation: "病媒生物防制"),
        ],
        [
            PlanFiles.Office("创卫办", "领导小组办公室"),
            PlanFiles.Office("爱卫科", "工作组"),
            PlanFiles.Office("宣传科", "工作组"),
            PlanFiles.Office("环卫处", "工作组"),
        ],
        [
            PlanFiles.Person("周海", "创卫办", "协调员", "zhouhai"),
            PlanFiles.Person("钱岚", "创卫办", "领导", "qianlan"),
            PlanFiles.Person("马骏", "爱卫科", "负责人", "majun"),
            PlanFiles.Person("林晓", "爱卫科", "成员", "linxiao"),
            PlanFiles.Person("黄河", "宣传科", "负责人", "huanghe"),
            PlanFiles.Person("陈静", "宣传科", "成员", "chenjing"),
            PlanFiles.Person("赵刚", "环卫处", "负责人", "zhaogang"),
        ]);

    /// <summary>The person opens the Web Chat page (the proxy names them) and writes <paramref name="text"/>; the bot's answer.</summary>
    private async Task<string> SayAsync(string account, string text)
    {
        var page = await PageAsync(account);
        var before = (await page.BotTextsAsync()).Count;
        await DirectLineSession.ReadAsync(await page.PostTextAsync(text));
        return (await page.BotTextsAsync()).Skip(before).Single();
    }

    private async Task<DirectLineSession> PageAsync(string account)
    {
        if (pages.TryGetValue(account, out var open))
        {
            return open;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/session");
        request.Headers.Add(ProxyHeader, account);
        var session = await DirectLineSession.ReadAsync(await http.SendAsync(request));
        var page = new DirectLineSession(http, session["conversationId"]!.GetValue<string>(), session["token"]!.GetValue<string>());
        // As Web Chat does on load: start (or resume) the conversation with the token.
        (await page.SendAsync(HttpMethod.Post, "/v3/directline/conversations", JsonContent.Create(new { }))).EnsureSuccessStatusCode();
        return pages[account] = page;
    }

    /// <summary>Everything the bot sent to the person's page: its answers and what it sent unprompted.</summary>
    private async Task<IReadOnlyList<JsonNode>> BotActivitiesAsync(string account) =>
        (await (await PageAsync(account)).ActivitiesAsync()).Activities
            .Where(a => a!["from"]!["role"]?.GetValue<string>() == "bot").Select(a => a!).ToList();

    private async Task<IReadOnlyList<string>> ReceivedAsync(string account, string prefix) =>
        (await BotActivitiesAsync(account)).Select(a => a["text"]?.GetValue<string>() ?? "").Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private Task DispatchAsync() => app.Services.GetRequiredService<IOutboxDispatcher>().DispatchAsync(CancellationToken.None);

    /// <summary>Everyone but 陈静 and 赵刚 opens the page and writes once.</summary>
    private async Task EveryoneWritesOnceAsync()
    {
        foreach (var account in new[] { "zhouhai", "qianlan", "majun", "linxiao", "huanghe" })
        {
            Assert.Contains("到期", await SayAsync(account, "本周到期"));
        }
    }

    [Fact]
    public async Task AMembersExtensionRequest_ReachesTheCoordinatorsWebChat_WithButtons_AndTheDecisionReachesTheMember()
    {
        await EveryoneWritesOnceAsync();

        var asked = await SayAsync("linxiao", "申请延期 WS-10 到 7月15日 理由：等待第三方检测报告");
        Assert.StartsWith("已提交延期申请 #1", asked);
        Assert.DoesNotContain("还没有协调员", asked);
        await DispatchAsync();

        var request = Assert.Single(await BotActivitiesAsync("zhouhai"), a => (a["text"]?.GetValue<string>() ?? "").StartsWith("【延期申请】#1", StringComparison.Ordinal));
        var buttons = CardBlock.Of(request).SelectMany(b => b.Buttons).ToList();
        Assert.Equal([("同意", "同意延期 1"), ("驳回", "驳回延期 1")], buttons);
        // Nobody else's chat hears of it: the leader, the lead, the member who asked.
        foreach (var other in new[] { "qianlan", "majun", "linxiao" })
        {
            Assert.Empty(await ReceivedAsync(other, "【延期申请】"));
        }

        // The coordinator presses 同意 (the button sends its value).
        Assert.Contains("WS-10", await SayAsync("zhouhai", "同意延期 1"));
        await DispatchAsync();

        var decision = Assert.Single(await ReceivedAsync("linxiao", "【延期审批】#1 已同意"));
        Assert.Contains("WS-10", decision);
        Assert.Contains("7月15日", decision);
        await using var ledger = app.OpenLedger();
        Assert.Equal("2026-07-15", await ledger.ExecuteScalarAsync<string>("SELECT due_on FROM task WHERE code = 'WS-10'"));
    }

    [Fact]
    public async Task Reminders_ReachTheOwnerAndTheLeadOfAnOfficeWithNoChat_OneMessageEachPerSendTime()
    {
        await EveryoneWritesOnceAsync();

        var (code, output) = await OperatorRun.RunAsync(app.Services, "reminders", "run", "--at", Monday);

        Assert.True(code == 0, output);
        // 林晓 owns WS-01 (today) and WS-04 (overdue): one message with both.
        var owner = Assert.Single(await ReceivedAsync("linxiao", "【到期提醒】"));
        Assert.StartsWith("【到期提醒】林晓", owner);
        Assert.Contains("WS-01", JsonOf(await ReminderCardsAsync("linxiao")));
        Assert.Contains("WS-04", JsonOf(await ReminderCardsAsync("linxiao")));
        Assert.DoesNotContain("WS-02", JsonOf(await ReminderCardsAsync("linxiao")));
        // 马骏 leads 爱卫科, which leads WS-01 and WS-04 and helps with WS-02: one message with all three.
        Assert.Single(await ReceivedAsync("majun", "【到期提醒】"));
        var lead = JsonOf(await ReminderCardsAsync("majun"));
        Assert.Contains("WS-01", lead);
        Assert.Contains("WS-02", lead);
        Assert.Contains("WS-04", lead);
        // 黄河 leads 宣传科 (WS-02; its owner 陈静 has not written yet).
        Assert.Contains("WS-02", JsonOf(await ReminderCardsAsync("huanghe")));
        Assert.DoesNotContain("WS-01", JsonOf(await ReminderCardsAsync("huanghe")));
        // 环卫处: nobody of it has written to the bot.
        Assert.Contains("通过个人会话送达", output);
        Assert.Contains("爱卫科：", output);
        Assert.Contains("宣传科：", output);
        Assert.Contains("没有群聊、机器人或个人会话可以送达：1 个单位的 1 项任务", output);
        Assert.Contains("环卫处：1 项任务", output);
    }

    [Fact]
    public async Task Preview_ShowsTheOfficesReachedThroughTheirPeople_AndOnlyTheOthersAsUnreached()
    {
        var (_, before) = await OperatorRun.RunAsync(app.Services, "reminders", "preview", "--at", Monday);
        Assert.Contains("没有群聊、机器人或个人会话可以送达：", before);
        Assert.Contains("爱卫科：", before);
        Assert.DoesNotContain("通过个人会话送达", before);

        await EveryoneWritesOnceAsync();
        var (code, after) = await OperatorRun.RunAsync(app.Services, "reminders", "preview", "--at", Monday);

        Assert.Equal(0, code);
        // The section headers (the Monday report's text, shown above them, names both too).
        var reachedAt = after.IndexOf("通过个人会话送达（", StringComparison.Ordinal);
        var reached = after[reachedAt..];
        Assert.Contains("爱卫科：3 条提醒，发给 林晓、马骏", reached);
        Assert.Contains("宣传科：1 条提醒，发给 黄河", reached);
        var unreached = after[after.IndexOf("没有群聊、机器人或个人会话可以送达：", StringComparison.Ordinal)..reachedAt];
        Assert.DoesNotContain("爱卫科", unreached);
        Assert.Contains("环卫处：1 项任务", unreached);
    }

    [Fact]
    public async Task TheLeader_GetsTheMondayReportWithItsChart_AndTheCoordinatorTheEscalation()
    {
        await EveryoneWritesOnceAsync();

        await OperatorRun.RunAsync(app.Services, "reminders", "run", "--at", Monday);

        var report = Assert.Single(await BotActivitiesAsync("qianlan"), a => (a["text"]?.GetValue<string>() ?? "").StartsWith("【通报】", StringComparison.Ordinal));
        var text = report["text"]!.GetValue<string>();
        Assert.Contains("通过个人会话送达的单位 2 个", text);
        Assert.Contains("爱卫科、宣传科", text);
        Assert.Contains("提醒无法送达的单位 1 个", text);
        Assert.Contains("环卫处", text);
        var chart = Assert.Single(report["attachments"]!.AsArray(), a => a!["contentType"]!.GetValue<string>() == "image/png");
        Assert.StartsWith("data:image/png;base64,", chart!["contentUrl"]!.GetValue<string>());
        // The coordinator keeps the ledger: the report too, and the 督办 of WS-04; the leader gets no 督办.
        Assert.Single(await ReceivedAsync("zhouhai", "【通报】"));
        var escalation = JsonOf((await BotActivitiesAsync("zhouhai")).Where(a => (a["text"]?.GetValue<string>() ?? "").StartsWith("【督办】", StringComparison.Ordinal)));
        Assert.Contains("【督办】1 项任务已逾期 3 个工作日", escalation);
        Assert.Contains("【督办】WS-04", escalation);
        Assert.DoesNotContain("【督办】", string.Join("\n", await ReceivedAsync("qianlan", "【")));
    }

    [Fact]
    public async Task Unsubscribe_StopsEverythingPersonal_AndSubscribingBringsItBack()
    {
        await EveryoneWritesOnceAsync();
        Assert.StartsWith("已退订", await SayAsync("majun", "退订"));
        Assert.StartsWith("已退订", await SayAsync("qianlan", "退订"));

        var (_, monday) = await OperatorRun.RunAsync(app.Services, "reminders", "run", "--at", Monday);

        Assert.Empty(await ReceivedAsync("majun", "【到期提醒】"));
        Assert.Empty(await ReceivedAsync("qianlan", "【通报】"));
        Assert.Single(await ReceivedAsync("linxiao", "【到期提醒】"));
        // 林晓 still gets what she owns; what 爱卫科 only helps with (WS-02) had only 马骏 to go to.
        Assert.Contains("爱卫科：2 条提醒，发给 林晓\n", monday);
        Assert.Contains("爱卫科：1 项任务\n  WS-02", monday);
        Assert.DoesNotContain("马骏", monday);

        Assert.StartsWith("已订阅：马骏", await SayAsync("majun", "订阅我的提醒"));
        await OperatorRun.RunAsync(app.Services, "reminders", "run", "--at", "2026-06-16T09:00+08:00");

        Assert.Single(await ReceivedAsync("majun", "【到期提醒】"));
        Assert.Empty(await ReceivedAsync("qianlan", "【"));
    }

    [Fact]
    public async Task AnOfficeNobodyReached_GetsWhatStillHelps_OnceItsLeadWrites_AtTheNextSendTime()
    {
        await EveryoneWritesOnceAsync();
        var (_, monday) = await OperatorRun.RunAsync(app.Services, "reminders", "run", "--at", Monday);
        Assert.Contains("环卫处：1 项任务", monday);

        await SayAsync("zhaogang", "我是谁");
        var (_, tuesday) = await OperatorRun.RunAsync(app.Services, "reminders", "run", "--at", "2026-06-16T09:00+08:00");

        // WS-03's week-ahead reminder of Monday still helps (its deadline is next Monday).
        Assert.Contains("WS-03", JsonOf(await ReminderCardsAsync("zhaogang")));
        Assert.DoesNotContain("没有群聊、机器人或个人会话可以送达", tuesday);
        await using var ledger = app.OpenLedger();
        Assert.Equal(0, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM unreached_reminder"));
    }

    [Fact]
    public async Task AnAccountThatWroteBeforeItWasLinked_GetsItsRemindersOnceLinked_WithoutWritingAgain()
    {
        await EveryoneWritesOnceAsync();
        Assert.Contains("尚未关联人员", await SayAsync("chenjing-new", "我是谁"));
        Assert.Contains("关联", await SayAsync("zhouhai", "关联 陈静 chenjing-new"));

        await OperatorRun.RunAsync(app.Services, "reminders", "run", "--at", Monday);

        Assert.Contains("WS-02", JsonOf(await ReminderCardsAsync("chenjing-new")));
    }

    [Fact]
    public async Task BindingAnOfficeInWebChat_SaysHowAnOfficeWithoutAGroupIsReached()
    {
        var answer = await SayAsync("zhouhai", "本群绑定 爱卫科");

        Assert.StartsWith("只有群聊可以绑定单位", answer);
        Assert.Contains("单位的到期提醒会发到任务责任人和单位负责人与我的单聊里", answer);
        await using var ledger = app.OpenLedger();
        Assert.Equal(0, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM conversation WHERE bound_office_id IS NOT NULL"));
    }

    private async Task<IReadOnlyList<JsonNode>> ReminderCardsAsync(string account) =>
        (await BotActivitiesAsync(account)).Where(a => (a["text"]?.GetValue<string>() ?? "").StartsWith("【到期提醒】", StringComparison.Ordinal)).ToList();

    private static string JsonOf(IEnumerable<JsonNode> activities) =>
        string.Join("\n", activities.Select(a => System.Text.RegularExpressions.Regex.Unescape(a.ToJsonString())));
}
