using System.Diagnostics;
using System.Text.Json.Nodes;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// Reminders from the sample campaign (seeded Monday 15 June 2026) through the real outbox, the real
/// CloudAdapter and real HTTP to a fake Bot Connector, at 09:00 Shanghai that Monday.
/// </summary>
[Needs(Needs.Host)]
public class ReminderDeliveryTests : IAsyncLifetime
{
    // Monday 15 June 2026, 09:00:05 in Shanghai.
    private static readonly DateTimeOffset MondayMorning = MondayMorningChats.Now;

    private MondayMorningChats chats = null!;

    private FakeConnector Connector => chats.Connector;

    private BotServices Services => chats.Services;

    public async Task InitializeAsync() => chats = await MondayMorningChats.StartAsync(
        new Dictionary<string, string?>
        {
            ["Reminders:MaxAttempts"] = "3",
            ["Reminders:RetryBaseDelayMilliseconds"] = "20",
            ["Reminders:MaxRetryDelaySeconds"] = "5",
            ["Reminders:PerChatMessagesPerMinute"] = "0",
        },
        ("zonghe-chat", "综合组"), ("cailiao-chat", "材料组"), ("leaders-chat", "领导小组办公室"));

    public async Task DisposeAsync() => await chats.DisposeAsync();

    private ReminderCycle Cycle => Services.Get<ReminderCycle>();

    private static IReadOnlyList<string> CardTitles(JsonNode activity) =>
        CardBlock.Of(activity).Select(b => b.Title).ToList();

    private static string Text(JsonNode activity) => activity["text"]!.GetValue<string>();

    private async Task<string> OutboxStateAsync(string conversationId)
    {
        await using var connection = await Services.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<string>(
            "SELECT group_concat(state || ':' || attempts) FROM outbox_message WHERE target = @Target AND kind = 'reminders'",
            new { Target = "bf:msteams:" + conversationId }) ?? "";
    }

    [Fact]
    public async Task Run_MondayMorning_SendsOneMessagePerChatListingThatOfficesTasks()
    {
        var result = await Cycle.RunAsync(MondayMorning, CancellationToken.None);

        var zonghe = Assert.Single(Connector.To("zonghe-chat"));
        Assert.StartsWith("【到期提醒】综合组 6月15日 周一：3 项任务需要关注", Text(zonghe));
        Assert.Equal(["T013 测评资料收集整理与台账装订（第一批）", "T014 学雷锋志愿服务活动", "T017 “我们的节日·中秋”主题活动"], CardTitles(zonghe));
        Assert.Equal("完成 T013", CardBlock.Of(zonghe)[0].Buttons[0].Value);
        var cailiao = Assert.Single(Connector.To("cailiao-chat"));
        Assert.Equal(["T011", "T012", "T013"], CardTitles(cailiao).Select(t => t[..4]));
        var leaders = Connector.To("leaders-chat");
        Assert.Equal(2, leaders.Count);
        Assert.Contains(leaders, a => Text(a).StartsWith("【到期提醒】领导小组办公室", StringComparison.Ordinal) && CardTitles(a).Single().StartsWith("T012", StringComparison.Ordinal));
        var report = Text(Assert.Single(leaders, a => Text(a).StartsWith("【通报】", StringComparison.Ordinal)));
        Assert.Contains("完成 10/37，逾期 3 项", report);
        Assert.Contains("逾期任务 3 项：", report);
        // The report carries its chart inline (a data: url), which Teams and Web Chat show as a picture.
        var picture = Assert.Single(leaders.Single(a => Text(a).StartsWith("【通报】", StringComparison.Ordinal))["attachments"]!.AsArray());
        Assert.Equal("image/png", picture!["contentType"]!.GetValue<string>());
        var url = picture["contentUrl"]!.GetValue<string>();
        Assert.StartsWith("data:image/png;base64,", url);
        var (width, _, colours) = PngCheck.Inspect(Convert.FromBase64String(url["data:image/png;base64,".Length..]));
        Assert.Equal(900, width);
        Assert.True(colours > 20);
        Assert.Equal(new(4, 0, 0, 0), result.Dispatch);
    }

    [Fact]
    public async Task Run_Twice_SendsNothingTwice()
    {
        await Cycle.RunAsync(MondayMorning, CancellationToken.None);
        var second = await Cycle.RunAsync(MondayMorning.AddMinutes(30), CancellationToken.None);

        Assert.Equal(0, second.Enqueued);
        Assert.Equal(0, second.Dispatch.Total);
        Assert.Equal(4, Connector.Requests);
    }

    [Fact]
    public async Task Run_TwoAtOnce_SendsEachMessageOnce()
    {
        await Task.WhenAll(Cycle.RunAsync(MondayMorning, CancellationToken.None), Cycle.RunAsync(MondayMorning, CancellationToken.None));

        Assert.Equal(4, Connector.Requests);
    }

    [Fact]
    public async Task Send_Throttled429_WaitsForRetryAfterAndDeliversOnce()
    {
        Connector.Answer = (conversation, attempt) => conversation == "zonghe-chat" && attempt == 1 ? FakeConnector.TooManyRequests(1) : null;
        var watch = Stopwatch.StartNew();

        var result = await Cycle.RunAsync(MondayMorning, CancellationToken.None);

        Assert.Single(Connector.To("zonghe-chat"));
        Assert.Equal(2, Connector.AttemptsFor("zonghe-chat"));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {watch.Elapsed}, before Retry-After's 1 s");
        Assert.Equal("sent:2", await OutboxStateAsync("zonghe-chat"));
        Assert.Equal(4, result.Dispatch.Sent);
    }

    [Fact]
    public async Task Send_TimesOut_IsRetriedAndDeliveredOnce()
    {
        await using var slow = await BotServices.CreateAsync(new AnchoredTimeProvider(MondayMorning), new Dictionary<string, string?>
        {
            ["Reminders:SendTimeoutSeconds"] = "1",
            ["Reminders:RetryBaseDelayMilliseconds"] = "20",
        });
        await slow.Database.BindChatAsync("zonghe-chat", Connector.ServiceUrl, office: "综合组");
        Connector.Answer = (conversation, attempt) => attempt == 1 ? FakeConnector.Hang(TimeSpan.FromSeconds(5)) : null;

        var result = await slow.Get<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        Assert.Equal(1, result.Dispatch.Sent);
        Assert.Equal(2, Connector.AttemptsFor("zonghe-chat"));
        Assert.Single(Connector.To("zonghe-chat"));
    }

    [Fact]
    public async Task Send_PerChatRateLimit_SpacesMessagesToTheSameChatOnly()
    {
        await using var limited = await BotServices.CreateAsync(new AnchoredTimeProvider(MondayMorning), new Dictionary<string, string?>
        {
            ["Reminders:PerChatMessagesPerMinute"] = "30",
        });
        await limited.Database.BindChatAsync("zonghe-chat", Connector.ServiceUrl, office: "综合组");
        await limited.Database.BindChatAsync("leaders-chat", Connector.ServiceUrl, office: "领导小组办公室");
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<(string Chat, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        Connector.Answer = (conversation, _) =>
        {
            arrivals.Enqueue((conversation, clock.Elapsed));
            return null;
        };

        await limited.Get<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        // The leadership chat gets two messages (its reminders and the weekly report): 30 a minute starts
        // them 2 s apart. Arrivals are timed, not starts, and the first send of a run can be slow to
        // arrive on a loaded machine (its connection, its JIT), so the margin is wide: unspaced, they
        // arrive milliseconds apart.
        var leaders = arrivals.Where(a => a.Chat == "leaders-chat").Select(a => a.At).Order().ToList();
        Assert.Equal(2, leaders.Count);
        Assert.True(leaders[1] - leaders[0] >= TimeSpan.FromSeconds(1.2), $"second message after {leaders[1] - leaders[0]}");
        Assert.True(arrivals.Single(a => a.Chat == "zonghe-chat").At < leaders[1], "another chat waited on the leadership chat's limit");
    }

    [Fact]
    public async Task Send_ServerErrorEveryTime_FailsAfterLastAttemptAndShowsInNextReport()
    {
        Connector.Answer = (conversation, _) => conversation == "zonghe-chat" ? Results.StatusCode(500) : null;

        var result = await Cycle.RunAsync(MondayMorning, CancellationToken.None);

        Assert.Equal(1, result.Dispatch.Failed);
        Assert.Equal(3, Connector.AttemptsFor("zonghe-chat"));
        Assert.Empty(Connector.To("zonghe-chat"));
        Assert.Equal("failed:3", await OutboxStateAsync("zonghe-chat"));

        Connector.Answer = (_, _) => null;
        await Cycle.RunAsync(MondayMorning.AddDays(7), CancellationToken.None);
        var report = Text(Assert.Single(Connector.To("leaders-chat"), a => Text(a).StartsWith("【通报】", StringComparison.Ordinal) && Text(a).Contains("6月22日")));
        Assert.Contains("上周有 1 条提醒未能送达", report);
        Assert.Contains("· 综合组的群聊（未能送达）", report);
        Assert.DoesNotContain("zonghe-chat", report);
    }

    [Fact]
    public async Task Send_Forbidden_UnbindsTheChatAndTellsTheCoordinators()
    {
        Connector.Answer = (conversation, _) => conversation == "zonghe-chat" ? Results.StatusCode(403) : null;

        var result = await Cycle.RunAsync(MondayMorning, CancellationToken.None);

        Assert.Equal(1, result.Dispatch.Gone);
        Assert.Equal(1, Connector.AttemptsFor("zonghe-chat"));
        var notice = Assert.Single(Connector.To("leaders-chat"), a => Text(a).StartsWith("【提醒】", StringComparison.Ordinal));
        Assert.Contains("综合组的群聊已无法送达（机器人已被移出或会话已删除）", Text(notice));
        Assert.DoesNotContain("zonghe-chat", Text(notice));
        Assert.Contains("综合组", Text(notice));
        await using var connection = await Services.Database.OpenAsync();
        var chat = await connection.QuerySingleAsync<(long? Office, string? Removed)>(
            "SELECT bound_office_id, removed_at FROM conversation WHERE conversation_id = 'zonghe-chat'");
        Assert.Null(chat.Office);
        Assert.NotNull(chat.Removed);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM audit WHERE action = 'conversation.removed'"));
    }

    [Fact]
    public async Task Send_TaskCompletedAfterPlanning_IsNotReminded()
    {
        var store = Services.Get<IReminderStore>();
        var plan = await Cycle.PlanAsync(MondayMorning, CancellationToken.None);
        await store.EnqueueAsync(plan.Days, plan.Reminders, plan.Dropped, MondayMorning, CancellationToken.None);
        var coordinator = new ChatActor("sample-coordinator", await Services.Get<DirectoryRepository>().FindPersonByAccountAsync("sample-coordinator"), "test", "c");
        foreach (var code in new[] { "T013", "T014", "T017" })
        {
            await Services.Get<TaskCompletion>().MarkDoneAsync(coordinator, code, null, []);
        }

        var result = await Cycle.RunAsync(MondayMorning, CancellationToken.None);

        Assert.Empty(Connector.To("zonghe-chat"));
        Assert.Equal(["T011", "T012"], CardTitles(Assert.Single(Connector.To("cailiao-chat"))).Select(t => t[..4]));
        Assert.Equal(1, result.Dispatch.Cancelled);
        Assert.Equal("cancelled:0", await OutboxStateAsync("zonghe-chat"));
    }

    [Fact]
    public async Task Run_AfterDaysDown_CatchesUpOnceWithWhatIsStillUseful()
    {
        // The last run was Wednesday 10 June; the service was down Thursday, Friday and until Monday 10:00.
        await using (var connection = await Services.Database.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO reminder_day (day, planned_at, reminders, dropped) VALUES ('2026-06-10', '2026-06-10T01:00:00.000Z', 0, 0)");
        }

        var result = await Cycle.RunAsync(MondayMorning.AddHours(1), CancellationToken.None);

        Assert.Equal([new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 12), new DateOnly(2026, 6, 11)], result.Plan.Days);
        Assert.True(result.Plan.Dropped > 0);
        Assert.Single(Connector.To("zonghe-chat"));
        Assert.Equal(["T011", "T012", "T013"], CardTitles(Assert.Single(Connector.To("cailiao-chat"))).Select(t => t[..4]));
        await using var ledger = await Services.Database.OpenAsync();
        // T011 was due Thursday: its day-of reminder is stale, and of its two overdue reminders only the latest goes.
        Assert.Equal(["overdue-2"], await ledger.QueryAsync<string>(
            "SELECT r.kind FROM reminder r JOIN task t ON t.id = r.task_id WHERE t.code = 'T011' AND r.target = 'bf:msteams:cailiao-chat'"));
    }

    [Fact]
    public async Task TheLeadershipGroupGone_TheNextReportGoesToTheCoordinatorsOwnChat_AndNamesTheGroupInWords()
    {
        await using (var connection = await Services.Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE conversation SET title = '创城领导小组工作群' WHERE conversation_id = 'leaders-chat'");
        }

        await Services.Database.BindChatAsync("wangjianguo-dm", Connector.ServiceUrl, person: "王建国");
        Connector.Answer = (conversation, _) => conversation == "leaders-chat" ? Results.StatusCode(404) : null;
        await Cycle.RunAsync(MondayMorning, CancellationToken.None);

        // Told at once, in the coordinator's own chat: the group it would have gone to is gone.
        var notice = Assert.Single(Connector.To("wangjianguo-dm"), a => Text(a).StartsWith("【提醒】", StringComparison.Ordinal));
        Assert.StartsWith("【提醒】领导小组办公室的群聊「创城领导小组工作群」已无法送达", Text(notice));

        Connector.Answer = (_, _) => null;
        await Cycle.RunAsync(MondayMorning.AddDays(7), CancellationToken.None);
        var report = Text(Assert.Single(Connector.To("wangjianguo-dm"), a => Text(a).StartsWith("【通报】", StringComparison.Ordinal)));
        Assert.Contains("· 领导小组办公室的群聊「创城领导小组工作群」（已无法送达，共 2 条）", report);
        Assert.DoesNotContain("leaders-chat", report);
        Assert.DoesNotContain("404", report);
    }

    [Fact]
    public async Task Run_PersonSubscribed_GetsTheirOwnTasksInTheirChat()
    {
        await Services.Database.BindChatAsync("zhangwei-dm", Connector.ServiceUrl, person: "张伟");

        await Cycle.RunAsync(MondayMorning, CancellationToken.None);

        var message = Assert.Single(Connector.To("zhangwei-dm"));
        Assert.StartsWith("【到期提醒】张伟", Text(message));
        Assert.Equal(["T014 学雷锋志愿服务活动"], CardTitles(message));
    }

    [Fact]
    public async Task Run_ThirdOverdueWorkday_EscalatesToTheLeadershipChat()
    {
        // T019 (综合组) was due Wednesday 10 June: Monday 15 June is its third overdue workday.
        await using (var connection = await Services.Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE task SET due_on = '2026-06-10' WHERE code = 'T019'");
        }

        await Cycle.RunAsync(MondayMorning, CancellationToken.None);

        Assert.Contains("T019 包联责任区创城任务落实", CardTitles(Assert.Single(Connector.To("zonghe-chat"))));
        var leaders = Assert.Single(Connector.To("leaders-chat"), a => Text(a).StartsWith("【到期提醒】", StringComparison.Ordinal));
        Assert.Contains("【督办】1 项任务已逾期 3 个工作日，请督促办理", Text(leaders));
        Assert.Contains("【督办】T019 包联责任区创城任务落实", CardTitles(leaders));
        var escalated = CardBlock.Of(leaders).Single(b => b.Title.Contains("T019"));
        Assert.Contains("综合组", escalated.Texts[0]);
    }

    [Fact]
    public async Task Run_BeforeTheSendTime_PlansNothingForToday()
    {
        var result = await Cycle.RunAsync(TestClock.Start.AddMinutes(-1), CancellationToken.None);

        Assert.Equal([new DateOnly(2026, 6, 12)], result.Plan.Days);
    }
}
