using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// A new coordinator's ledger where tasks are due but no chat is bound yet: the reminders that go
/// nowhere are listed per office, the weekly report names the offices nothing reaches, and a chat
/// bound later gets what still helps at the next send time.
/// </summary>
[Needs(Needs.Host)]
public class ReachTests : SampleWithConnector
{
    [Fact]
    public async Task Preview_NoChatBound_ListsPerOfficeTheRemindersNothingReaches()
    {
        var (code, output) = await RunAsync("reminders", "preview", "--at", "2026-06-15T09:00+08:00");

        Assert.Equal(0, code);
        Assert.Contains("发送时间 2026年6月15日 周一 09:00（Asia/Shanghai），没有要发的提醒。", output);
        Assert.Contains("没有群聊、机器人或个人会话可以送达：", output);
        Assert.Contains("综合组：", output);
        Assert.Contains("材料组：", output);
        Assert.Contains("  T013 测评资料收集整理与台账装订（第一批）（2026年6月15日 周一截止，今天到期）", output);
        Assert.Contains("T017 “我们的节日·中秋”主题活动（2026年6月22日 周一截止，7 天后到期）", output);
    }

    [Fact]
    public async Task Run_SomeOfficesBound_ListsOnlyTheOthers()
    {
        await Services.Database.BindChatAsync("zonghe-chat", Connector.ServiceUrl, office: "综合组");

        var (code, output) = await RunAsync("reminders", "run", "--at", "2026-06-15T09:00+08:00");

        Assert.Equal(0, code);
        Assert.Contains("已发出消息 1 条。", output);
        Assert.Contains("材料组：3 项任务", output);
        Assert.DoesNotContain("综合组：", output);
    }

    [Fact]
    public async Task BindingAChatLater_DeliversWhatStillHelpsAtTheNextSendTime()
    {
        // Monday: nothing reaches 综合组; T017 (due Monday 22 June) has its T-7 reminder then, and no other until Friday.
        await RunAsync("reminders", "run", "--at", "2026-06-15T09:00+08:00");
        await Services.Database.BindChatAsync("zonghe-chat", Connector.ServiceUrl, office: "综合组");

        var (_, tuesday) = await RunAsync("reminders", "run", "--at", "2026-06-16T09:00+08:00");
        var (_, wednesday) = await RunAsync("reminders", "run", "--at", "2026-06-17T09:00+08:00");

        Assert.Contains("已发出消息 1 条。", tuesday);
        Assert.Contains("已发出消息 1 条。", wednesday);
        var messages = Connector.To("zonghe-chat").Select(a => a.ToJsonString()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("T017", messages[0]);
        Assert.DoesNotContain("T017", messages[1]);
        await using var connection = await Services.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM unreached_reminder WHERE office_id = (SELECT id FROM office WHERE name = '综合组')"));
    }

    [Fact]
    public async Task WeeklyReport_NamesTheOfficesNothingReaches()
    {
        await Services.Database.BindChatAsync("leaders", Connector.ServiceUrl, office: "领导小组办公室");
        await Services.Database.BindChatAsync("zonghe-chat", Connector.ServiceUrl, office: "综合组");

        await RunAsync("reminders", "run", "--at", "2026-06-15T09:00+08:00");

        var report = Connector.To("leaders").Select(a => a["text"]?.GetValue<string>() ?? "").Single(t => t.Contains("提醒无法送达"));
        var line = report.Split('\n').Single(l => l.StartsWith("提醒无法送达的单位", StringComparison.Ordinal));
        Assert.Contains("材料组", line);
        Assert.DoesNotContain("综合组", line);
        Assert.DoesNotContain("领导小组办公室", line);
    }
}
