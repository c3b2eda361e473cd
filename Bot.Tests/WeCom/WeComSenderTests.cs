using System.Text;
using CampaignBot.Chat.Outgoing;
using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Tests.Support;
using CampaignBot.WeCom.Outgoing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.WeCom;

/// <summary>
/// Reminders and notices to WeCom chats, against a stand-in of WeCom's servers (app API over HTTP, the
/// AI bot's long connection over a WebSocket) that checks credentials, body shapes and byte limits and
/// answers WeCom's error codes. The AI bot's sends go through the bot's own long connection, started
/// from its service graph and subscribed to the stand-in.
/// </summary>
[Needs(Needs.Host)]
public class WeComSenderTests : IAsyncLifetime
{
    private const string Group = "wrgroupchat0001";
    private const string Person = "zhangsan";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider time = TestClock.Create();
    private BotServices bot = null!;
    private TestDatabase database = null!;
    private FakeWeCom weCom = null!;
    private CampaignBot.WeCom.WeComLongConnection connection = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        weCom = await FakeWeCom.StartAsync(time);
        weCom.Members.Add(Person);
        weCom.BotChats.UnionWith([Group, Person]);
        bot = await BotServices.CreateAsync(time, weCom.Settings("LongConnection"), seedSample: true);
        database = bot.Database;
        connection = await bot.StartAsync<CampaignBot.WeCom.WeComLongConnection>();
        await Eventually.WaitAsync(() => connection.Connections == 1, Patience);
        var conversations = new ConversationRepository(database.Database);
        await conversations.TouchAsync(Chat(Group, isGroup: true));
        await conversations.TouchAsync(Chat(Person, isGroup: false));
        services = Services(app: true);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await bot.DisposeAsync();
        await weCom.DisposeAsync();
    }

    private ConversationRecord Chat(string id, bool isGroup) => new()
    {
        ChannelId = CampaignBot.WeCom.WeComChannel.ChannelId, ConversationId = id, IsGroup = isGroup, ServiceUrl = weCom.BaseUrl,
        AccountId = isGroup ? null : WeComAccounts.AccountOf(id), LastSeenAt = time.GetUtcNow(),
    };

    private ServiceProvider Services(bool app)
    {
        var collection = new ServiceCollection();
        collection.AddHttpClient(WeComHttp.HttpClientName);
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton(Options.Create(new WeComAppOptions
        {
            ApiBaseUrl = weCom.BaseUrl,
            CorpId = app ? FakeWeCom.CorpId : "",
            AgentId = app ? FakeWeCom.AgentId : 0,
            AppSecret = app ? FakeWeCom.AppSecret : "",
        }));
        collection.AddSingleton(new ConversationRepository(database.Database));
        collection.AddSingleton<WeComAppToken>();
        collection.AddSingleton<WeComApp>();
        collection.AddSingleton<WeComSendPace>();
        collection.AddSingleton<CampaignBot.WeCom.IWeComLongConnection>(connection);
        collection.AddSingleton<WeComSender>();
        return collection.BuildServiceProvider();
    }

    private WeComSender Sender => services.GetRequiredService<WeComSender>();

    private static ChatTarget Target(string id) => new(CampaignBot.WeCom.WeComChannel.ChannelId, id);

    private static OutgoingMessage Reminder(int tasks, string title = "资料台账整理") => new(new ChatReply("【提醒】本周到期 " + tasks + " 项\n请按时完成")
    {
        Items = Enumerable.Range(1, tasks).Select(i => new ReplyItem($"T{i:000} {title}", [new ReplyAction("完成", $"完成 T{i:000}")])
        {
            Code = $"T{i:000}", Office = "综合组", Due = "6月18日 周四", State = new ReplyState("还有 3 天", ReplyTone.Plain),
        }).ToList(),
        Footer = "回复 进度 查看全部",
    }, ReplyLanguage.Chinese);

    [Fact]
    public async Task ReminderToABoundGroup_GoesThroughTheBotsProactiveSend_Escaped()
    {
        await Sender.SendAsync(Target(Group), Reminder(2, "[驳回](https://evil.example) **加粗**"), CancellationToken.None);

        var delivered = Assert.Single(weCom.Delivered);
        Assert.Equal(("bot", Group), (delivered.Via, delivered.To));
        Assert.StartsWith("### 【提醒】本周到期 2 项", delivered.Markdown);
        Assert.Contains(@"\[驳回\]\(https://evil.example\) \*\*加粗\*\*", delivered.Markdown);
        Assert.Contains("完成 T002", delivered.Markdown);
        var frame = weCom.Frames.Last();
        Assert.Equal("aibot_send_msg", frame["cmd"]!.GetValue<string>());
        Assert.Equal(Group, frame["body"]!["chatid"]!.GetValue<string>());
        Assert.Equal("markdown", frame["body"]!["msgtype"]!.GetValue<string>());
        Assert.Equal(0, weCom.TokensIssued); // the app is not asked for a group
    }

    [Fact]
    public async Task PersonalReminder_GoesThroughTheApp_WithOneTokenForManySends()
    {
        await Sender.SendAsync(Target(Person), Reminder(1), CancellationToken.None);
        await Sender.SendAsync(Target(Person), Reminder(2), CancellationToken.None);

        Assert.Equal(["app", "app"], weCom.Delivered.Select(d => d.Via));
        Assert.All(weCom.Delivered, d => Assert.Equal(Person, d.To));
        Assert.Equal(1, weCom.TokensIssued);
    }

    [Fact]
    public async Task PersonalReminder_WithoutTheApp_GoesThroughTheBot()
    {
        await using var withoutApp = Services(app: false);
        await withoutApp.GetRequiredService<WeComSender>().SendAsync(Target(Person), Reminder(1), CancellationToken.None);

        Assert.Equal(("bot", Person), (Assert.Single(weCom.Delivered).Via, weCom.Delivered.Single().To));
    }

    [Fact]
    public async Task ExpiredToken_42001_IsRenewedAndTheSendTriedOnceMore()
    {
        await Sender.SendAsync(Target(Person), Reminder(1), CancellationToken.None);
        weCom.ExpireTokens();

        await Sender.SendAsync(Target(Person), Reminder(1), CancellationToken.None);

        Assert.Equal(2, weCom.Delivered.Count);
        Assert.Equal(2, weCom.TokensIssued);
    }

    [Fact]
    public async Task WrongSecret_IsAConfigurationError_NotALoop()
    {
        var collection = new ServiceCollection();
        collection.AddHttpClient(WeComHttp.HttpClientName);
        var token = new WeComAppToken(collection.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(),
            Options.Create(new WeComAppOptions { ApiBaseUrl = weCom.BaseUrl, CorpId = FakeWeCom.CorpId, AgentId = FakeWeCom.AgentId, AppSecret = "wrong" }), time);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => token.GetAsync(CancellationToken.None));
        Assert.Contains("40001", failure.Message);
        Assert.DoesNotContain("wrong", failure.Message); // never the secret
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SixtyTasks_AreSplitWithinTheByteLimit_NoneLeftOut(bool toGroup)
    {
        await Sender.SendAsync(Target(toGroup ? Group : Person), Reminder(60, "关于开展“我们的节日·中秋”主题活动的资料台账整理与佐证材料归档"), CancellationToken.None);

        var parts = weCom.Delivered.Select(d => d.Markdown).ToList();
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= (toGroup ? 4096 : 2048)));
        var all = string.Join("\n", parts);
        Assert.All(Enumerable.Range(1, 60), i => Assert.Contains($"完成 T{i:000}", all));
    }

    [Fact]
    public async Task ASplitMessageRetriedAfterABusyAnswer_GoesOnFromThePartNotDelivered()
    {
        var message = Reminder(60, "关于开展“我们的节日·中秋”主题活动的资料台账整理与佐证材料归档");
        weCom.FailNextSendWith = -1;
        weCom.FailAfterDelivered = 2;

        await Assert.ThrowsAsync<TransientSendException>(() => Sender.SendAsync(Target(Person), message, CancellationToken.None));
        Assert.Equal(2, weCom.Delivered.Count);
        await Sender.SendAsync(Target(Person), message, CancellationToken.None); // the outbox's retry: the same message

        var parts = weCom.Delivered.Select(d => d.Markdown).ToList();
        Assert.Equal(parts.Count, parts.Distinct().Count());
        Assert.Equal(CampaignBot.WeCom.WeComMarkdown.Split(CampaignBot.WeCom.WeComRenderer.Proactive(message.Reply), WeComApp.MaxMarkdownBytes, WeComApp.MaxMarkdownBytes), parts);
    }

    [Fact]
    public async Task ThirtyAMinuteToOnePerson_IsKept_TheRestDelayedNotDropped()
    {
        var start = time.GetUtcNow();
        for (var i = 0; i < 30; i++)
        {
            await Sender.SendAsync(Target(Person), Reminder(1), CancellationToken.None);
        }

        // The 31st: a minute away, so it goes back to the outbox with how long to wait.
        var wait = await Assert.ThrowsAsync<TransientSendException>(() => Sender.SendAsync(Target(Person), Reminder(1), CancellationToken.None));
        Assert.True(wait.RetryAfter > TimeSpan.FromSeconds(40), wait.RetryAfter.ToString());
        time.Advance(wait.RetryAfter!.Value);

        // Its retry waits the last few seconds itself, then goes.
        var retry = Sender.SendAsync(Target(Person), Reminder(1), CancellationToken.None);
        while (!retry.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(retry, Task.Delay(20));
        }

        await retry;
        Assert.Equal(31, weCom.Delivered.Count);
        Assert.Equal(0, weCom.Dropped);
        Assert.True(weCom.Delivered.Last().At - start >= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task RateLimitAnswer_45009_IsRetriedAfterAMinute()
    {
        await Sender.SendAsync(Target(Person), Reminder(1), CancellationToken.None); // a token first
        weCom.FailNextSendWith = 45009;

        var failure = await Assert.ThrowsAsync<TransientSendException>(() => Sender.SendAsync(Target(Person), Reminder(1), CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(60), failure.RetryAfter);
    }

    [Fact]
    public async Task MemberWeComDoesNotKnow_81013_IsUndeliverable_AndReportedToTheCoordinators()
    {
        const string gone = "lisi-left";
        await new ConversationRepository(database.Database).TouchAsync(Chat(gone, isGroup: false));
        // A coordinator's own chat, where what coordinators are told goes when no chat is bound for them.
        await new ConversationRepository(database.Database).TouchAsync(Chat("coordinator01", isGroup: false));
        await using (var sql = await database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(sql, "UPDATE conversation SET person_id = (SELECT min(id) FROM person WHERE role = 'coordinator') WHERE conversation_id = 'coordinator01'");
        }

        var failure = await Assert.ThrowsAsync<TargetGoneException>(() => Sender.SendAsync(Target(gone), Reminder(1), CancellationToken.None));
        Assert.Contains("81013", failure.Message);

        // What the outbox does with it: the chat marked gone, the audit and the coordinators' notice in one transaction.
        var outbox = new CampaignBot.Outbox.OutboxRepository(
            database.Database, time, new CampaignBot.Outbox.OutboxWake(() => { }), new CampaignBot.Ledger.ReadModels.OwedReminders(), new NoticePayloads());
        await new RemovedChats(database.Database, new CampaignBot.Ledger.Repositories.AuditRepository(database.Database), new CampaignBot.Ledger.Repositories.ConversationRepository(database.Database), outbox, database.Clock).HandleAsync(
            new ClaimedMessage(0, Target(gone), TestClock.Today, new Notice.LegacyText("x")), 1, failure.Message, time.GetUtcNow(), CancellationToken.None);
        Assert.Equal(1, await database.CountAsync($"SELECT count(*) FROM conversation WHERE conversation_id = '{gone}' AND removed_at IS NOT NULL"));
        Assert.Equal(1, await database.CountAsync($"SELECT count(*) FROM audit WHERE action = 'conversation.removed' AND entity_key = 'wecom:{gone}'"));
        Assert.True(await database.CountAsync("SELECT count(*) FROM outbox_message WHERE notice LIKE '%chat-removed%'") >= 1, "the coordinators are told");
    }

    [Fact]
    public async Task InvalidUserInASuccessfulAnswer_IsReported()
    {
        const string outside = "WangWu";
        weCom.OutOfReach.Add(outside);
        await new ConversationRepository(database.Database).TouchAsync(Chat(outside, isGroup: false));

        var failure = await Assert.ThrowsAsync<TargetGoneException>(() => Sender.SendAsync(Target(outside), Reminder(1), CancellationToken.None));
        Assert.Contains("invaliduser", failure.Message);
        Assert.Empty(weCom.Delivered);
    }

    [Fact]
    public async Task GroupTheBotIsNoLongerIn_86003_IsUndeliverable()
    {
        weCom.BotChats.Remove(Group);

        var failure = await Assert.ThrowsAsync<TargetGoneException>(() => Sender.SendAsync(Target(Group), Reminder(1), CancellationToken.None));
        Assert.Contains("86003", failure.Message);
    }
}
