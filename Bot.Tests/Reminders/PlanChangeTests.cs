using System.Text.Json.Nodes;
using CampaignBot.Chat;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// Extensions (申请延期 → the coordinators' chat → 同意/驳回), hand-overs (转办) and their effect on
/// queued reminders, on the sample campaign seeded Monday 15 June 2026, through the real outbox and
/// CloudAdapter to a fake Bot Connector.
/// </summary>
[Needs(Needs.Host)]
public sealed class PlanChangeTests : IAsyncLifetime
{
    private MondayMorningChats chats = null!;

    private FakeConnector Connector => chats.Connector;

    private BotServices Services => chats.Services;

    public async Task InitializeAsync() => chats = await MondayMorningChats.StartAsync(
        new Dictionary<string, string?> { ["Reminders:PerChatMessagesPerMinute"] = "0" },
        ("zonghe-chat", "综合组"), ("cailiao-chat", "材料组"), ("leaders-chat", "领导小组办公室"));

    public async Task DisposeAsync() => await chats.DisposeAsync();

    /// <summary>Plans and queues Monday's reminders without sending them.</summary>
    private async Task QueueMondayRemindersAsync()
    {
        var plan = await Services.Get<ReminderCycle>().PlanAsync(MondayMorningChats.Now, CancellationToken.None);
        await Services.Get<IReminderStore>().EnqueueAsync(plan.Days, plan.Reminders, plan.Dropped, MondayMorningChats.Now, CancellationToken.None);
    }

    /// <summary>A message as <paramref name="account"/> in a chat; the reply's text and its items' titles.</summary>
    private async Task<string> SayAsync(string account, string text, string chat)
    {
        var reply = await chats.SayAsync(account, text, chat);
        return string.Join("\n", reply.Items.Select(i => i.Title).Prepend(reply.Header));
    }

    private Task DispatchAsync() => chats.DispatchAsync();

    private Task<T> LedgerAsync<T>(string sql) => chats.LedgerAsync<T>(sql);

    private static string Text(JsonNode activity) => MondayMorningChats.Text(activity);

    [Fact]
    public async Task AnApprovedExtension_MovesTheDeadline_AndTheQueuedReminderForTheOldOneIsNotSent()
    {
        // Monday's reminders are planned and queued (综合组: T013, T014, T017), not yet sent.
        await QueueMondayRemindersAsync();

        var asked = await SayAsync("sample-zonghe", "申请延期 T014 到 6月30日 理由：志愿者调整", "zonghe-chat");
        Assert.StartsWith("已提交延期申请 #1：T014 截止日期 6月16日", asked);

        var approved = await SayAsync("sample-coordinator", "同意延期 1", "leaders-chat");
        Assert.StartsWith("已同意延期申请 #1：T014 截止日期改为 6月30日", approved);
        Assert.Equal("2026-06-30", await LedgerAsync<string>("SELECT due_on FROM task WHERE code = 'T014'"));

        await DispatchAsync();
        // The coordinators got the request with its buttons; the asker's chat the decision; 综合组's
        // reminder went out without T014, whose queued reminder was for the old deadline.
        var request = Assert.Single(Connector.To("leaders-chat"), a => Text(a).StartsWith("【延期申请】#1", StringComparison.Ordinal));
        Assert.Equal(["同意延期 1", "驳回延期 1"], CardBlock.Of(request)[0].Buttons.Select(b => b.Value));
        var zonghe = Connector.To("zonghe-chat");
        Assert.Contains(zonghe, a => Text(a).StartsWith("【延期审批】#1 已同意：T014", StringComparison.Ordinal));
        var reminder = Assert.Single(zonghe, a => Text(a).StartsWith("【到期提醒】", StringComparison.Ordinal));
        Assert.DoesNotContain(CardBlock.Of(reminder), a => a.Title.StartsWith("T014", StringComparison.Ordinal));
        Assert.Equal(1, await LedgerAsync<long>("SELECT count(*) FROM audit WHERE action = 'task.extend' AND entity_key = 'T014'"));
    }

    [Fact]
    public async Task ARejectedExtension_ChangesNoDeadline_AndTellsTheAsker()
    {
        await SayAsync("sample-zonghe", "申请延期 T014 到 6月30日", "zonghe-chat");

        Assert.StartsWith("已驳回延期申请 #1", await SayAsync("sample-coordinator", "驳回延期 1 请按期完成", "leaders-chat"));
        Assert.Equal("2026-06-16", await LedgerAsync<string>("SELECT due_on FROM task WHERE code = 'T014'"));
        Assert.Contains("已经驳回过了", await SayAsync("sample-coordinator", "同意延期 1", "leaders-chat"));
        await DispatchAsync();
        Assert.Contains(Connector.To("zonghe-chat"), a => Text(a) == "【延期审批】#1 未同意：T014 学雷锋志愿服务活动 仍于 6月16日 周二 截止（王建国）；请按期完成");
    }

    [Theory]
    // Only the lead office (or a coordinator) may ask; 机关党委 helps with T014 but does not lead it.
    [InlineData("sample-dangwei", "申请延期 T014 到 6月30日", "只有")]
    [InlineData("sample-renshi", "申请延期 T014 到 6月30日", "只有")]
    [InlineData("stranger", "申请延期 T014 到 6月30日", "stranger")]
    [InlineData("sample-zonghe", "申请延期 T014 到 6月10日", "须晚于")]
    [InlineData("sample-zonghe", "申请延期 T014 到 2月30日", "2月30日")]
    // Only coordinators decide, even the task's own office lead.
    [InlineData("sample-zonghe-lead", "同意延期 1", "只有协调员")]
    [InlineData("sample-leader", "同意延期 1", "只有协调员")]
    public async Task WhoMayAskAndDecide_IsChecked_AndARefusalChangesNothing(string account, string text, string expected)
    {
        if (text.StartsWith("同意", StringComparison.Ordinal))
        {
            await SayAsync("sample-zonghe", "申请延期 T014 到 6月30日", "zonghe-chat");
        }

        var before = await LedgerAsync<string>("SELECT group_concat(code || due_on || status) FROM task");
        var requests = await LedgerAsync<string>("SELECT group_concat(id || state) FROM extension_request") ?? "";

        Assert.Contains(expected, await SayAsync(account, text, "some-chat"));
        Assert.Equal(before, await LedgerAsync<string>("SELECT group_concat(code || due_on || status) FROM task"));
        Assert.Equal(requests, await LedgerAsync<string>("SELECT group_concat(id || state) FROM extension_request") ?? "");
    }

    [Fact]
    public async Task AHandOver_MovesTheTask_TellsBothOffices_AndRemindersFollowTheNewOffice()
    {
        await QueueMondayRemindersAsync();

        Assert.Contains("只有综合组的负责人或协调员", await SayAsync("sample-zonghe", "转办 T014 给 材料组", "zonghe-chat"));
        var handed = await SayAsync("sample-zonghe-lead", "转办 T014 给 孙丽", "zonghe-chat");

        Assert.Equal("已转办：T014 学雷锋志愿服务活动 改由材料组牵头，责任人孙丽。", handed);
        Assert.Equal("材料组 孙丽", await LedgerAsync<string>("SELECT o.name || ' ' || p.name FROM task t JOIN office o ON o.id = t.lead_office_id JOIN person p ON p.id = t.owner_id WHERE t.code = 'T014'"));
        await DispatchAsync();
        Assert.Contains(Connector.To("zonghe-chat"), a => Text(a).StartsWith("【转办】T014 学雷锋志愿服务活动：由综合组转交材料组（责任人孙丽）", StringComparison.Ordinal));
        Assert.Contains(Connector.To("cailiao-chat"), a => Text(a).StartsWith("【转办】T014", StringComparison.Ordinal));
        // 综合组's queued reminder no longer lists T014; the next planning gives it to 材料组.
        var zongheReminder = Assert.Single(Connector.To("zonghe-chat"), a => Text(a).StartsWith("【到期提醒】", StringComparison.Ordinal));
        Assert.DoesNotContain(CardBlock.Of(zongheReminder), a => a.Title.StartsWith("T014", StringComparison.Ordinal));
        var t014 = await TaskIdAsync("T014");
        var tuesday = await Services.Get<ReminderCycle>().PlanAsync(TestClock.Start.AddDays(1).AddSeconds(5), CancellationToken.None);
        Assert.Contains(tuesday.Reminders, r => r.Reminder.Target.Key == "bf:msteams:cailiao-chat" && r.Reminder.TaskId == t014);
        Assert.DoesNotContain(tuesday.Reminders, r => r.Reminder.Target.Key == "bf:msteams:zonghe-chat" && r.Reminder.TaskId == t014);
    }

    [Theory]
    [InlineData("转办 T014 给 不存在的单位", "不认识「不存在的单位」")]
    [InlineData("转办 T999 给 材料组", "没有编号为 T999 的任务")]
    [InlineData("转办 T014 给 综合组", "已经由综合组牵头")]
    public async Task ABadHandOver_IsExplained_AndChangesNothing(string text, string expected)
    {
        var before = await LedgerAsync<string>("SELECT group_concat(code || lead_office_id || ifnull(owner_id, '-')) FROM task");

        Assert.Contains(expected, await SayAsync("sample-coordinator", text, "leaders-chat"));
        Assert.Equal(before, await LedgerAsync<string>("SELECT group_concat(code || lead_office_id || ifnull(owner_id, '-')) FROM task"));
    }

    private async Task<long> TaskIdAsync(string code) => await LedgerAsync<long>($"SELECT id FROM task WHERE code = '{code}'");
}
