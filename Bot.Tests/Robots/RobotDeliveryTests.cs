using System.Text;
using CampaignBot.Robots;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Security;
using CampaignBot.Tests.Support;
using Dapper;
using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;

namespace CampaignBot.Tests.Robots;

/// <summary>
/// Reminders to offices whose chat is a DingTalk or WeCom group: robots configured in appsettings,
/// through the same outbox and dispatcher, to fake robot services over real HTTP.
/// </summary>
[Needs(Needs.Host)]
public class RobotDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayMorning = TestClock.Start.AddSeconds(5);
    private readonly AnchoredTimeProvider time = new(MondayMorning);
    private readonly CapturedLogs logs = new();
    private FakeRobotServer robots = null!;

    public async Task InitializeAsync()
    {
        robots = await FakeRobotServer.StartAsync();
        robots.Now = time.GetUtcNow;
    }

    public async Task DisposeAsync() => await robots.DisposeAsync();

    private async Task<BotServices> ServicesAsync(string dingTalkSecret = FakeRobotServer.DingTalkSecret)
    {
        var services = await BotServices.CreateAsync(time, new Dictionary<string, string?>
        {
            // The local stand-in for DingTalk's and WeCom's hosts, allowed as a private gateway would be.
            ["RobotWebhooks:AllowedBaseUrls:0"] = robots.BaseUrl,
            ["Robots:0:Office"] = "综合组",
            ["Robots:0:Kind"] = "DingTalk",
            ["Robots:0:Url"] = robots.DingTalkUrl,
            ["Robots:0:Secret"] = dingTalkSecret,
            ["Robots:1:Office"] = "材料组",
            ["Robots:1:Kind"] = "WeCom",
            ["Robots:1:Url"] = robots.WeComUrl,
            ["Robots:2:Office"] = "宣传部",
            ["Robots:2:Kind"] = "WeCom",
            ["Robots:2:Url"] = robots.WeComUrl + "-unknown-office",
            ["Reminders:RetryBaseDelayMilliseconds"] = "20",
            ["Reminders:MaxRetryDelaySeconds"] = "1",
        }, logs);
        await services.Get<ConfiguredRobots>().SyncAsync(CancellationToken.None);
        return services;
    }

    private static async Task ExecuteAsync(BotServices services, string sql)
    {
        await using var connection = await services.Database.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    [Fact]
    public async Task DingTalk_SignedMarkdownListsTheOfficesTasksSaysHowToFinishAndAtsTheOwners()
    {
        await using var services = await ServicesAsync();
        await ExecuteAsync(services, "UPDATE person SET mobile = '13800000000' WHERE name = '张伟'; UPDATE person SET dingtalk_user_id = 'liming01' WHERE name = '李明'");

        await services.Get<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        var (_, body) = Assert.Single(robots.Received, r => r.Service == "dingtalk");
        Assert.Equal("markdown", body["msgtype"]!.GetValue<string>());
        Assert.Equal("【到期提醒】综合组 6月15日 周一：3 项任务需要关注", body["markdown"]!["title"]!.GetValue<string>());
        var text = body["markdown"]!["text"]!.GetValue<string>();
        Assert.Contains("- **T013 测评资料收集整理与台账装订（第一批）**", text);
        Assert.Contains("材料组（配合：综合组） · 6月15日 周一 · 今天到期", text);
        Assert.Contains("**T014 学雷锋志愿服务活动**", text);
        Assert.Contains("**T017 “我们的节日·中秋”主题活动**", text);
        Assert.Contains("> 完成后请在与创建工作台账助手的对话中发送「完成 T013」", text);
        Assert.Contains("@liming01 @13800000000", text);
        Assert.Equal(["13800000000"], body["at"]!["atMobiles"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(["liming01"], body["at"]!["atUserIds"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task WeCom_LongListIsTrimmedToItsLimitSayingHowManyAreLeftOutAndAtsOwners()
    {
        await using var services = await ServicesAsync();
        await ExecuteAsync(services, """
            UPDATE person SET wecom_user_id = 'sunli' WHERE name = '孙丽';
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
            INSERT INTO task (campaign_id, code, title, lead_office_id, due_on, updated_at)
            SELECT 1, printf('L%03d', i), '测评资料补充整理与分类归档（第' || i || '批，含照片、音像和文字材料）', (SELECT id FROM office WHERE name = '材料组'), '2026-06-15', '2026-06-01T00:00:00.000Z' FROM n;
            """);

        await services.Get<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        var (_, body) = Assert.Single(robots.Received, r => r.Service == "wecom");
        var content = body["markdown"]!["content"]!.GetValue<string>();
        Assert.True(Encoding.UTF8.GetByteCount(content) <= 4096, $"{Encoding.UTF8.GetByteCount(content)} bytes");
        Assert.StartsWith("### 【到期提醒】材料组 6月15日 周一：153 项任务需要关注", content);
        Assert.Matches(@"……另有 \d+ 项未列出", content);
        Assert.Contains("<@sunli>", content);
    }

    [Fact]
    public async Task DingTalk_SendTooFast_IsRetriedAndDeliveredOnce()
    {
        await using var services = await ServicesAsync();
        robots.Refuse = attempt => attempt == 1 ? (130101, "send too fast, exceed 20 times per minute") : null;

        var result = await services.Get<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        Assert.Equal(0, result.Dispatch.Failed);
        Assert.Single(robots.Received, r => r.Service == "dingtalk");
        Assert.Single(robots.Received, r => r.Service == "wecom");
        Assert.Equal(3, robots.Attempts);
    }

    [Fact]
    public async Task Robots_BehindAGatewayThatRefusesChunkedBodies_GetEveryMessageWithItsLength()
    {
        // The fake services answer 411 to a request without Content-Length, as some gateways do.
        await using var services = await ServicesAsync();

        var result = await services.Get<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        Assert.Equal(0, result.Dispatch.Failed);
        Assert.Equal(0, robots.LengthRequired);
        Assert.Single(robots.Received, r => r.Service == "dingtalk");
        Assert.Single(robots.Received, r => r.Service == "wecom");
    }

    [Fact]
    public async Task DingTalk_WrongSecret_FailsWithoutRetryingAndNothingSecretIsLogged()
    {
        await using var services = await ServicesAsync(dingTalkSecret: "SECwrong-secret-0123456789");

        var result = await services.Get<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        Assert.Equal(1, result.Dispatch.Failed);
        Assert.DoesNotContain(robots.Received, r => r.Service == "dingtalk");
        await using var connection = await services.Database.OpenAsync();
        var failure = await connection.QuerySingleAsync<(string Error, long Attempts)>(
            "SELECT m.last_error, m.attempts FROM outbox_message m JOIN robot r ON m.target = 'robot:' || r.id WHERE r.kind = 'dingtalk'");
        Assert.Contains("errcode 310000", failure.Error);
        Assert.Equal(1, failure.Attempts);

        // The unknown office's entry and the failure were logged, without any credential.
        Assert.Contains(logs.Lines, l => l.Contains("no office called '宣传部'"));
        Assert.Contains(logs.Lines, l => l.Contains("errcode 310000"));
        foreach (var secret in new[] { FakeRobotServer.DingTalkToken, "SECwrong-secret-0123456789", FakeRobotServer.WeComKey })
        {
            Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Configuration_IsTheSourceOfTruthForConfiguredRobots()
    {
        await using var services = await ServicesAsync();
        var configured = await services.Get<RobotRepository>().AllAsync();

        Assert.Equal([("综合组", RobotKind.DingTalk, "config"), ("材料组", RobotKind.WeCom, "config")], configured.Select(r => (r.OfficeName, r.Kind, r.Source)));
        Assert.Equal(FakeRobotServer.DingTalkSecret, configured[0].Secret);
    }

    [Fact]
    public async Task RobotKind_IsStoredAsTheTextTheTableAlwaysHeld()
    {
        await using var services = await ServicesAsync();
        await using var ledger = await services.Database.OpenAsync();

        Assert.Equal(["dingtalk", "wecom"], await ledger.QueryAsync<string>("SELECT kind FROM robot ORDER BY id"));
    }

    [Fact]
    public async Task LeadershipRobot_GetsEscalationsAndTheWeeklyReportAsMarkdown()
    {
        await using var services = await BotServices.CreateAsync(time, new Dictionary<string, string?>
        {
            ["RobotWebhooks:AllowedBaseUrls:0"] = robots.BaseUrl,
            ["Robots:0:Office"] = "领导小组",
            ["Robots:0:Kind"] = "WeCom",
            ["Robots:0:Url"] = robots.WeComUrl,
            ["Reminders:PerChatMessagesPerMinute"] = "60",
            ["Campaign:ChatUrl"] = "",
        });
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<TimeSpan>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        robots.Refuse = _ =>
        {
            arrivals.Enqueue(clock.Elapsed);
            return null;
        };
        await services.Get<ConfiguredRobots>().SyncAsync(CancellationToken.None);
        // T019 (综合组) was due Wednesday 10 June: Monday 15 June is its third overdue workday.
        await ExecuteAsync(services, "UPDATE task SET due_on = '2026-06-10' WHERE code = 'T019'");

        await services.Get<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        var contents = robots.Received.Select(r => r.Body["markdown"]!["content"]!.GetValue<string>()).ToList();
        Assert.Equal(2, contents.Count);
        var reminders = Assert.Single(contents, c => c.StartsWith("### 【到期提醒】领导小组办公室", StringComparison.Ordinal));
        Assert.Contains("【督办】1 项任务已逾期 3 个工作日，请督促办理", reminders);
        Assert.Contains("- **【督办】T019 包联责任区创城任务落实**", reminders);
        var report = Assert.Single(contents, c => c.StartsWith("### 【通报】创建工作进展（6月15日 周一）", StringComparison.Ordinal));
        Assert.Contains("逾期任务 4 项：", report);
        Assert.Contains("综合组：2/7，逾期 1", report);
        Assert.Contains("> 完成后请在与创建工作台账助手的对话中发送「完成", reminders);

        // One robot, two messages: the per-target token bucket (60 a minute here) spaces them.
        var times = arrivals.Order().ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.9), $"second message after {times[1] - times[0]}");
    }

    [Theory]
    [InlineData("SEC0123456789abcdef", "SEC…cdef")]
    [InlineData("short", "****")]
    public void Mask_ShowsOnlyTheEnds(string secret, string masked) => Assert.Equal(masked, RobotSecrets.Mask(secret));

    [Fact]
    public void MaskUrl_HidesTheWebhookCredential()
    {
        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=abc…wxyz",
            RobotSecrets.MaskUrl("https://oapi.dingtalk.com/robot/send?access_token=abcdefghijklmnopqrstuvwxyz"));
    }
}
