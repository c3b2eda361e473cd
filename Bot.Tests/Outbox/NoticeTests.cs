using System.Text.Json.Nodes;
using CampaignBot.Chat;
using CampaignBot.Ledger;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Outbox;

/// <summary>
/// Notices are stored as their kind and ids and written when they are sent, from the ledger as it
/// is then, in the language the receiving chat writes in, with real buttons; a notice queued as
/// text by an earlier version still goes out. Real SQLite, outbox and CloudAdapter, a fake connector.
/// </summary>
[Needs(Needs.Host)]
public sealed class NoticeTests : IAsyncLifetime
{
    private MondayMorningChats chats = null!;

    private FakeConnector Connector => chats.Connector;

    private BotServices Services => chats.Services;

    public async Task InitializeAsync() => chats = await MondayMorningChats.StartAsync(
        new Dictionary<string, string?> { ["Reminders:PerChatMessagesPerMinute"] = "0" },
        ("zonghe-chat", "综合组"), ("leaders-chat", "领导小组办公室"));

    public async Task DisposeAsync() => await chats.DisposeAsync();

    private async Task<string> SayAsync(string account, string text, string chat) => (await chats.SayAsync(account, text, chat)).Header;

    private Task DispatchAsync() => chats.DispatchAsync();

    private Task<T> LedgerAsync<T>(string sql) => chats.LedgerAsync<T>(sql);

    private static string Text(JsonNode activity) => MondayMorningChats.Text(activity);

    private static IEnumerable<string> ButtonValues(JsonNode activity) =>
        CardBlock.Of(activity).SelectMany(b => b.Buttons).Select(b => b.Value);

    [Fact]
    public async Task AnExtensionRequest_IsStoredAsItsKindAndId_AndEachChatReadsItInItsOwnLanguage()
    {
        // The coordinators write English in their chat; 综合组 writes Chinese in its own.
        Assert.StartsWith("Overdue", await SayAsync("sample-coordinator", "what is overdue?", "leaders-chat"), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("已提交延期申请 #1", await SayAsync("sample-zonghe", "申请延期 T014 到 6月30日 理由：志愿者调整", "zonghe-chat"));

        await using var connection = await Services.Database.OpenAsync();
        var stored = await connection.QuerySingleAsync<(string? Body, string Notice)>("SELECT body, notice FROM outbox_message WHERE kind = 'notice' AND target = 'bf:msteams:leaders-chat'");
        Assert.Null(stored.Body);
        Assert.Equal("""{"kind":"extension-requested","requestId":1}""", stored.Notice);

        await DispatchAsync();
        var request = Assert.Single(Connector.To("leaders-chat"), a => Text(a).StartsWith("Extension request #1 from ", StringComparison.Ordinal));
        Assert.Equal(["approve extension 1", "reject extension 1"], ButtonValues(request));

        // The button's command, in English, decides; the asker's chat is told in Chinese.
        Assert.StartsWith("Approved #1", await SayAsync("sample-coordinator", "approve extension 1", "leaders-chat"));
        await DispatchAsync();
        Assert.Contains(Connector.To("zonghe-chat"), a => Text(a).StartsWith("【延期审批】#1 已同意：T014", StringComparison.Ordinal));
        Assert.DoesNotContain(Connector.To("zonghe-chat"), a => Text(a).StartsWith("Extension #1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHandover_KeepsWhereTheTaskWent_AndIsWrittenWhenSent_InTheLanguageTheChatWritesInThen()
    {
        Assert.StartsWith("已转办", await SayAsync("sample-coordinator", "转办 T014 给 领导小组办公室", "leaders-chat"));
        var stored = await LedgerAsync<string>("SELECT notice FROM outbox_message WHERE kind = 'notice' AND target = 'bf:msteams:zonghe-chat'");
        Assert.Matches("""^\{"kind":"handover","taskId":\d+,"fromOfficeId":\d+,"toOfficeId":\d+,"ownerId":null,"byPersonId":\d+\}$""", stored);

        // Queued in Chinese times; by the time it is sent 综合组 writes English, and the task has moved on again.
        await SayAsync("sample-zonghe", "what is overdue?", "zonghe-chat");
        Assert.StartsWith("已转办", await SayAsync("sample-coordinator", "转办 T014 给 材料组", "leaders-chat"));
        await DispatchAsync();

        Assert.Contains(Connector.To("zonghe-chat"), a => Text(a).StartsWith("Handed over: T014", StringComparison.Ordinal) && Text(a).Contains("from 综合组 to 领导小组办公室", StringComparison.Ordinal));
        Assert.Contains(Connector.To("leaders-chat"), a => Text(a).StartsWith("【转办】T014", StringComparison.Ordinal) && Text(a).Contains("由综合组转交领导小组办公室", StringComparison.Ordinal));
        Assert.Contains(Connector.To("leaders-chat"), a => Text(a).StartsWith("【转办】T014", StringComparison.Ordinal) && Text(a).Contains("由领导小组办公室转交材料组", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANoticeThisVersionCannotRead_FailsAlone_AndTheOthersAreSent()
    {
        await using (var connection = await Services.Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO outbox_message (target, kind, send_day, planned_at, notice, updated_at)
                VALUES ('bf:msteams:leaders-chat', 'notice', '2026-06-15', '2026-06-15T01:00:00.000Z', '{"kind":"from-a-newer-version","id":1}', '2026-06-15T01:00:00.000Z'),
                       ('robot:not-a-number', 'notice', '2026-06-15', '2026-06-15T01:00:00.000Z', '{"kind":"chat-removed","channelId":"x","conversationId":"y"}', '2026-06-15T01:00:00.000Z')
                """);
        }

        Assert.StartsWith("已提交延期申请 #1", await SayAsync("sample-zonghe", "申请延期 T014 到 6月30日", "zonghe-chat"));
        await DispatchAsync();

        Assert.Contains(Connector.To("leaders-chat"), a => Text(a).StartsWith("【延期申请】#1", StringComparison.Ordinal));
        var failed = await LedgerAsync<int>("SELECT count(*) FROM outbox_message WHERE state = 'failed' AND last_error LIKE 'unreadable:%'");
        Assert.Equal(2, failed);
        Assert.Equal(0, await LedgerAsync<int>("SELECT count(*) FROM outbox_message WHERE state IN ('pending', 'sending')"));

        // The week's report lists them in words: the chat that is known by whose it is, the unreadable target as such.
        var report = await Services.Get<IMessageComposer<CampaignBot.Chat.Outgoing.OutgoingMessage>>().ComposeAsync(
            new ClaimedMessage(0, new ChatTarget("msteams", "leaders-chat"), new DateOnly(2026, 6, 15), new WeeklyReport()), MondayMorningChats.Now, CancellationToken.None);
        Assert.Contains("领导小组办公室的群聊（未能送达）", report.Reply.Header, StringComparison.Ordinal);
        Assert.Contains("一个已无法识别的会话（已无法送达）", report.Reply.Header, StringComparison.Ordinal);
        Assert.DoesNotContain("robot:not-a-number", report.Reply.Header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryNoticeKind_ReadsBackAsStored_WhereverItsKindIsWritten()
    {
        CampaignBot.Ledger.Notice[] notices =
        [
            new CampaignBot.Ledger.Notice.ExtensionRequested(1), new CampaignBot.Ledger.Notice.ExtensionDecided(2),
            new CampaignBot.Ledger.Notice.Handover(3, 4, 5, null, 6), new CampaignBot.Ledger.Notice.ChatRemoved("msteams", "19:a", 7),
            new CampaignBot.Ledger.Notice.EvidenceLost(8),
        ];
        await Services.Get<CampaignBot.Data.LedgerDatabase>().WriteAsync(async (connection, transaction) =>
        {
            foreach (var notice in notices)
            {
                await Services.Get<CampaignBot.Outbox.OutboxRepository>().EnqueueNoticeAsync(transaction, [new ChatTarget("msteams", "elsewhere")], notice, MondayMorningChats.Now, TimeZoneInfo.Utc);
            }

            // The same notice by hand, its kind last.
            await connection.ExecuteAsync(
                """
                INSERT INTO outbox_message (target, kind, send_day, planned_at, notice, updated_at)
                VALUES ('bf:msteams:elsewhere', 'notice', '2026-06-15', '2026-06-15T01:00:00.000Z', '{"requestId":1,"kind":"extension-requested"}', '2026-06-15T01:00:00.000Z')
                """, transaction: transaction);
            return true;
        });

        var ids = (await LedgerAsync<string>("SELECT group_concat(id) FROM outbox_message")).Split(',').Select(long.Parse).ToList();
        var claimed = await Services.Get<IOutbox>().ClaimAsync(ids, MondayMorningChats.Now, CancellationToken.None);

        Assert.Equal(notices.Append(new CampaignBot.Ledger.Notice.ExtensionRequested(1)), claimed.Select(c => c.Content));
    }

    [Fact]
    public async Task ANoticeQueuedAsTextBeforeTheUpgrade_IsStillSent_WithRealButtons()
    {
        await using (var connection = await Services.Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO outbox_message (target, kind, send_day, planned_at, body, updated_at)
                VALUES ('bf:msteams:leaders-chat', 'notice', '2026-06-15', '2026-06-15T01:00:00.000Z', @Body, '2026-06-15T01:00:00.000Z')
                """,
                new { Body = "【延期申请】#9 张伟（综合组）申请延期\nT014 学雷锋志愿服务活动\n截止 6月16日 → 6月30日\n[[同意|同意延期 9]] [[驳回|驳回延期 9]]" });
        }

        await DispatchAsync();
        var notice = Assert.Single(Connector.To("leaders-chat"), a => Text(a).StartsWith("【延期申请】#9", StringComparison.Ordinal));
        Assert.Equal(["同意延期 9", "驳回延期 9"], ButtonValues(notice));
        Assert.DoesNotContain("[[", notice.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABareTaskCode_IsAnsweredInTheChatsLanguage()
    {
        await SayAsync("sample-zonghe", "what is due this week?", "zonghe-chat");
        Assert.Equal("English", await LedgerAsync<string>("SELECT language FROM conversation WHERE conversation_id = 'zonghe-chat'"));

        // The same message in a chat that has not written English yet is answered in the default, Chinese.
        var english = await Services.Get<ChatCommandRouter>().HandleAsync(new ChatRequest("T014", "sample-zonghe", "msteams", "zonghe-chat", true, [], null), CancellationToken.None);
        var chinese = await Services.Get<ChatCommandRouter>().HandleAsync(new ChatRequest("T014", "sample-zonghe", "msteams", "leaders-chat", true, [], null), CancellationToken.None);
        // A bare code is answered with the task's detail, which offers 完成 (and no 详情 of itself).
        Assert.Equal(["done T014"], english.Items.Single().Buttons.Select(b => b.Value));
        Assert.Equal(["完成 T014"], chinese.Items.Single().Buttons.Select(b => b.Value));
    }
}
