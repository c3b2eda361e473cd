using System.Text.Json.Nodes;
using CampaignBot.Chat;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// What the issue saw on the sample campaign (Monday 15 June 2026): an extension to 2027 read
/// "1月6日 → 12月31日", and a deadline of 9999-12-31 was approved. Dates in another year now show
/// it, and new deadlines are bounded (Campaign:MaxDeadlineDaysAhead, three years by default).
/// </summary>
[Needs(Needs.Host)]
public sealed class DatesAndLimitsTests : IAsyncLifetime
{
    private MondayMorningChats chats = null!;

    public async Task InitializeAsync() => chats = await MondayMorningChats.StartAsync(
        new Dictionary<string, string?> { ["Reminders:PerChatMessagesPerMinute"] = "0" },
        ("zonghe-chat", "综合组"), ("leaders-chat", "领导小组办公室"));

    public async Task DisposeAsync() => await chats.DisposeAsync();

    private async Task<string> SayAsync(string account, string text, string chat)
    {
        var reply = await chats.SayAsync(account, text, chat);
        return string.Join("\n", reply.Items.Select(i => i.Title + " · " + i.Subtitle).Prepend(reply.Header));
    }

    private Task<T> LedgerAsync<T>(string sql) => chats.LedgerAsync<T>(sql);

    private static string Text(JsonNode activity) => MondayMorningChats.Text(activity);

    [Fact]
    public async Task AnExtensionIntoNextYear_ShowsTheYearInTheReplyTheNoticeAndTheDecision()
    {
        var asked = await SayAsync("sample-zonghe", "申请延期 T014 到 2027-12-31 理由：跨年活动", "zonghe-chat");
        var approved = await SayAsync("sample-coordinator", "同意延期 1", "leaders-chat");
        await chats.Services.Get<IOutboxDispatcher>().DispatchAsync(CancellationToken.None);

        Assert.StartsWith("已提交延期申请 #1：T014 截止日期 6月16日 周二 → 2027年12月31日 周五", asked);
        Assert.StartsWith("已同意延期申请 #1：T014 截止日期改为 2027年12月31日 周五", approved);
        Assert.Contains(chats.Connector.To("leaders-chat"), a => CardBlock.Of(a).FirstOrDefault()?.Texts is ["截止 6月16日 周二 → 2027年12月31日 周五；理由：跨年活动"]);
        Assert.Contains(chats.Connector.To("zonghe-chat"), a => Text(a).Contains("截止日期改为 2027年12月31日 周五"));
        // And wherever the task is listed.
        Assert.Contains("2027年12月31日 周五", await SayAsync("sample-zonghe", "我的任务", "zonghe-chat"));
    }

    [Fact]
    public async Task AnExtensionIntoNextYear_InEnglish_ShowsTheYear()
    {
        Assert.Contains("to Fri 31 Dec 2027", await SayAsync("sample-zonghe", "extend T014 to 2027-12-31 because it moved", "zonghe-chat"));
    }

    [Fact]
    public async Task AnExtensionBeyondTheLimit_IsRefusedWithTheLatestDayAndNothingIsAsked()
    {
        var reply = await SayAsync("sample-zonghe", "申请延期 T014 到 9999-12-31", "zonghe-chat");

        Assert.Equal("T014 的截止日期最晚可设为 2029年6月14日 周四，请换一个更近的日期。", reply);
        Assert.Equal(0, await LedgerAsync<int>("SELECT count(*) FROM extension_request"));
    }

    [Fact]
    public async Task ARequestBeyondTheLimitFromBefore_IsNotApproved()
    {
        // A request stored before the limit existed.
        await using (var connection = await chats.Services.Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO extension_request (task_id, requested_by, old_due_on, new_due_on, reply_target, created_at)
                VALUES ((SELECT id FROM task WHERE code = 'T014'), (SELECT id FROM person WHERE name = '张伟'), '2026-06-16', '9999-12-31', 'bf:msteams:zonghe-chat', '2026-06-15T01:00:00.000Z')
                """);
        }

        var reply = await SayAsync("sample-coordinator", "同意延期 1", "leaders-chat");

        Assert.Contains("最晚可设为 2029年6月14日", reply);
        Assert.Equal("2026-06-16", await LedgerAsync<string>("SELECT due_on FROM task WHERE code = 'T014'"));
        Assert.Equal("pending", await LedgerAsync<string>("SELECT state FROM extension_request WHERE id = 1"));
    }

    [Theory]
    [InlineData("stranger", "稍后提醒 T014 明天", "还没有关联人员")]
    [InlineData("sample-zonghe", "稍后提醒 T014 9999-12-31", "稍后提醒最多 60 天，最晚到 8月14日 周五")]
    [InlineData("sample-zonghe", "稍后提醒 T014 2026-12-31", "稍后提醒最多 60 天")]
    public async Task ASnoozeFromAStrangerOrTooFarAhead_IsRefused(string account, string text, string expected)
    {
        Assert.Contains(expected, await SayAsync(account, text, "zonghe-chat"));
        Assert.Equal(0, await LedgerAsync<int>("SELECT count(*) FROM snooze"));
    }
}
