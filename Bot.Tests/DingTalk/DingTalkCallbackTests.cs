using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.DingTalk;

/// <summary>
/// DingTalk's HTTP callback mode end to end: the real host receives signed robot messages on
/// /api/dingtalk, runs the same bot, and answers through the session webhook or the app's send API
/// of a local stand-in for DingTalk that checks the token, the robot code and the bodies' shapes.
/// </summary>
[Needs(Needs.Host)]
public class DingTalkCallbackTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayMorning = TestClock.Start.AddSeconds(5);
    private readonly AnchoredTimeProvider time = new(MondayMorning);
    private FakeDingTalk dingTalk = null!;
    private BotApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        dingTalk = await FakeDingTalk.StartAsync();
        var settings = dingTalk.Settings("Http");
        settings["Reminders:RetryBaseDelayMilliseconds"] = "20";
        settings["Reminders:MaxRetryDelaySeconds"] = "1";
        app = new BotApplication(settings, time);
        client = app.CreateClient();
        await using var ledger = app.OpenLedger();
        // The 人员 sheet's 钉钉ID column, as an imported plan leaves it: no 关联 for these people.
        await ledger.ExecuteAsync("UPDATE person SET dingtalk_user_id = 'wangjg01' WHERE name = '王建国'; UPDATE person SET dingtalk_user_id = 'liming01' WHERE name = '李明'");
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await dingTalk.DisposeAsync();
    }

    private static string Sign(long timestamp, string secret) => FakeDingTalk.Sign(timestamp, secret);

    private Task<HttpResponseMessage> PostAsync(JsonObject message, long? timestamp = null, string? sign = null) =>
        client.SendAsync(FakeDingTalk.Callback(message, timestamp ?? time.GetUtcNow().ToUnixTimeMilliseconds(), sign));

    private (string Kind, JsonObject Body) ReplyTo(string msgId) => Assert.Single(dingTalk.Sent, s => s.Body["session"]?.GetValue<string>() == msgId);

    [Fact]
    public async Task GroupQuestion_IsAnsweredThroughTheSessionWebhookWithOneTapButtons()
    {
        var response = await PostAsync(dingTalk.Message("msg-q1", "liming01", "本周到期"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, reply) = ReplyTo("msg-q1");
        Assert.Equal("markdown", reply["msgtype"]!.GetValue<string>());
        var text = reply["markdown"]!["text"]!.GetValue<string>();
        Assert.Contains("**T013 测评资料收集整理与台账装订（第一批）**", text);
        Assert.Contains("[完成](dtmd://dingtalkclient/sendMessage?content=" + Uri.EscapeDataString("完成 T013") + ")", text);
        Assert.Contains("[详情](dtmd://dingtalkclient/sendMessage?content=" + Uri.EscapeDataString("详情 T013") + ")", text);
        Assert.False(string.IsNullOrWhiteSpace(reply["markdown"]!["title"]!.GetValue<string>()));
        Assert.True(Encoding.UTF8.GetByteCount(text) <= 20_000);

        await using var ledger = app.OpenLedger();
        Assert.Equal(1, await ledger.ExecuteScalarAsync<int>("SELECT is_group FROM conversation WHERE channel_id = 'dingtalk' AND conversation_id = 'cidGroup01=='"));
        // Its title, to name it in words if it is ever lost (the report, the coordinators' notice).
        Assert.Equal("综合组工作群", await ledger.ExecuteScalarAsync<string>("SELECT title FROM conversation WHERE channel_id = 'dingtalk' AND conversation_id = 'cidGroup01=='"));
    }

    [Fact]
    public async Task ALeadWhoWroteTheRobotInA1To1Chat_GetsTheirUnboundOfficesReminders_ThroughThe1To1Send_WithNoSubscription()
    {
        // 李明 leads 综合组, which has no group bound; he asked something once in his 1:1 chat with the robot.
        await PostAsync(dingTalk.Message("msg-ask", "liming01", "本周到期", conversationId: "cidLiMing1to1==", group: false));
        while (dingTalk.Sent.TryDequeue(out _))
        {
        }

        await app.Services.GetRequiredService<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        var (_, person) = Assert.Single(dingTalk.Sent, s => s.Kind == "person" && s.Body["userIds"]!.AsArray().Any(u => u!.GetValue<string>() == "liming01"));
        var param = JsonNode.Parse(person["msgParam"]!.GetValue<string>())!;
        Assert.Contains("李明", param["title"]!.GetValue<string>());
        Assert.Contains("**T014 学雷锋志愿服务活动**", param["text"]!.GetValue<string>());
        Assert.DoesNotContain(dingTalk.Sent, s => s.Kind == "group");
    }

    [Fact]
    public async Task DoneTap_SendsTheCommandAsTheUsersMessageAndIsRecordedForThePersonOfTheStaffId()
    {
        await PostAsync(dingTalk.Message("msg-list", "liming01", "本周到期"));
        var listed = ReplyTo("msg-list").Body["markdown"]!["text"]!.GetValue<string>();
        // What DingTalk's client does on a tap: the link's content, sent as the user's own message.
        var link = System.Text.RegularExpressions.Regex.Match(listed, @"\[完成\]\(dtmd://dingtalkclient/sendMessage\?content=(?<c>[^)]+)\)").Groups["c"].Value;
        var command = Uri.UnescapeDataString(link);
        Assert.Equal("完成 T013", command);

        var response = await PostAsync(dingTalk.Message("msg-tap", "liming01", command));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("T013", ReplyTo("msg-tap").Body.ToJsonString());
        await using var ledger = app.OpenLedger();
        Assert.Equal("done", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
        Assert.Equal(("李明", "dingtalk:liming01", "dingtalk"), await ledger.QuerySingleAsync<(string, string, string)>(
            "SELECT p.name, a.actor_account, a.channel_id FROM audit a JOIN person p ON p.id = a.actor_person_id WHERE a.entity_key = 'T013' ORDER BY a.id DESC LIMIT 1"));
    }

    [Fact]
    public async Task UnknownStaffId_MayAskButNotChange()
    {
        await PostAsync(dingTalk.Message("msg-stranger-ask", "stranger99", "本周到期"));
        await PostAsync(dingTalk.Message("msg-stranger-done", "stranger99", "完成 T013"));

        Assert.Contains("T013", ReplyTo("msg-stranger-ask").Body.ToJsonString());
        Assert.Contains("还没有关联人员", System.Text.RegularExpressions.Regex.Unescape(ReplyTo("msg-stranger-done").Body.ToJsonString()));
        await using var ledger = app.OpenLedger();
        Assert.Equal("open", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
    }

    [Fact]
    public async Task TwoMessagesSignedInTheSameMillisecond_AreBothAccepted()
    {
        // DingTalk signs only the timestamp: two messages in one millisecond carry the same sign.
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var sign = Sign(now, FakeDingTalk.ClientSecret);

        var first = await PostAsync(dingTalk.Message("msg-same-ms-1", "liming01", "本周到期"), now, sign);
        var second = await PostAsync(dingTalk.Message("msg-same-ms-2", "wangjg01", "逾期"), now, sign);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.NotNull(ReplyTo("msg-same-ms-1").Body);
        Assert.NotNull(ReplyTo("msg-same-ms-2").Body);
    }

    [Fact]
    public async Task TheSameSignedMessageReplayed_IsRefused_AndHandledOnce()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var sign = Sign(now, FakeDingTalk.ClientSecret);
        var message = dingTalk.Message("msg-replayed", "liming01", "完成 T013");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(message, now, sign)).StatusCode);

        var replay = await PostAsync(message, now, sign);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.NotNull(ReplyTo("msg-replayed").Body);
    }

    [Fact]
    public async Task ACallbackWithoutRobotCode_IsRefusedWith400AndAReason_AndChangesNothing()
    {
        var message = dingTalk.Message("msg-no-robot", "liming01", "完成 T013");
        message.Remove("robotCode");

        var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("robotCode", await response.Content.ReadAsStringAsync());
        await using var ledger = app.OpenLedger();
        Assert.Equal("open", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
        Assert.Empty(dingTalk.Sent);
    }

    /// <summary>Issue 25: a callback must carry this app's robotCode (DingTalk:RobotCode), not merely some robot's.</summary>
    [Fact]
    public async Task ASignedCallbackForAnotherRobot_IsRefusedWith401_AndChangesNothing()
    {
        var message = dingTalk.Message("msg-other-robot", "liming01", "完成 T013");
        message["robotCode"] = "dingsomeoneelsesrobot";

        var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var ledger = app.OpenLedger();
        Assert.Equal("open", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
        Assert.Empty(dingTalk.Sent);
    }

    [Fact]
    public async Task AMessageWhoseTurnNeverFinished_IsHandledWhenRedeliveredAfterItsLease()
    {
        // A claim taken by a process that stopped mid-turn, longer ago than the lease.
        await using (var ledger = app.OpenLedger())
        {
            await ledger.ExecuteAsync("INSERT INTO dingtalk_message (msg_id, received_at) VALUES ('msg-interrupted', @At)",
                new { At = CampaignBot.Data.UtcText.Format(time.GetUtcNow() - CampaignBot.DingTalk.DingTalkStore.ClaimLease - TimeSpan.FromMinutes(1)) });
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await PostAsync(dingTalk.Message("msg-interrupted", "liming01", "完成 T013"), now);
        await PostAsync(dingTalk.Message("msg-interrupted", "liming01", "完成 T013"), now + 1500);

        await using var after = app.OpenLedger();
        Assert.Equal("done", await after.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
        Assert.Single(dingTalk.Sent, s => s.Body["session"]?.GetValue<string>() == "msg-interrupted");
    }

    [Fact]
    public async Task AMessageClaimingToComeFromDingTalk_ThroughApiMessages_IsRefused()
    {
        var activity = Activities.Message("dingtalk:liming01", "完成 T013", "dingtalk", "cidGroup01==", true);

        var response = await client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var ledger = app.OpenLedger();
        Assert.Equal("open", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("unsigned")]
    [InlineData("wrong-secret")]
    public async Task ForgedCallback_IsRefusedWith401AndChangesNothing(string forgery)
    {
        await using var before = app.OpenLedger();
        var ledgerBefore = await before.QueryAsync<string>("SELECT code || status FROM task ORDER BY code");
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var message = dingTalk.Message("msg-forged", "liming01", "完成 T013");

        var response = forgery switch
        {
            "forged" => await PostAsync(message, now, Convert.ToBase64String(new byte[32])),
            "stale" => await PostAsync(message, now - (long)TimeSpan.FromMinutes(61).TotalMilliseconds, Sign(now - (long)TimeSpan.FromMinutes(61).TotalMilliseconds, FakeDingTalk.ClientSecret)),
            "future" => await PostAsync(message, now + (long)TimeSpan.FromMinutes(61).TotalMilliseconds, Sign(now + (long)TimeSpan.FromMinutes(61).TotalMilliseconds, FakeDingTalk.ClientSecret)),
            "wrong-secret" => await PostAsync(message, now, Sign(now, "not-the-app-secret")),
            _ => await client.PostAsync("/api/dingtalk", new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json")),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var after = app.OpenLedger();
        Assert.Equal(ledgerBefore, await after.QueryAsync<string>("SELECT code || status FROM task ORDER BY code"));
        Assert.Equal(0, await after.ExecuteScalarAsync<int>("SELECT count(*) FROM conversation WHERE channel_id = 'dingtalk'"));
        Assert.Equal(0, await after.ExecuteScalarAsync<int>("SELECT count(*) FROM dingtalk_message"));
        Assert.Empty(dingTalk.Sent);
    }

    [Fact]
    public async Task RedeliveredCallback_IsAnsweredOnce()
    {
        var message = dingTalk.Message("msg-twice", "liming01", "本周到期");
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await PostAsync(message, now);
        // A retry is a new request, signed at its own time.
        var again = await PostAsync(message, now + 1500);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(dingTalk.Sent);
    }

    [Fact]
    public async Task ExpiredSessionWebhook_ReplyGoesThroughTheGroupSendApi()
    {
        var message = dingTalk.Message("msg-late", "liming01", "本周到期", webhookExpires: time.GetUtcNow().AddMinutes(-1));

        await PostAsync(message);

        var (kind, body) = Assert.Single(dingTalk.Sent);
        Assert.Equal("group", kind);
        Assert.Equal("cidGroup01==", body["openConversationId"]!.GetValue<string>());
        Assert.Equal(FakeDingTalk.RobotCode, body["robotCode"]!.GetValue<string>());
        Assert.Equal("sampleMarkdown", body["msgKey"]!.GetValue<string>());
        Assert.Contains("完成 T013", Uri.UnescapeDataString(JsonNode.Parse(body["msgParam"]!.GetValue<string>())!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SessionWebhookOutsideTheWebhookBase_IsNotUsed()
    {
        var message = dingTalk.Message("msg-elsewhere", "liming01", "本周到期");
        message["sessionWebhook"] = "http://198.51.100.7/robot/sendBySession?session=x";

        await PostAsync(message);

        Assert.Equal("group", Assert.Single(dingTalk.Sent).Kind);
    }

    [Fact]
    public async Task BoundGroup_GetsItsOfficesRemindersThroughTheAppsGroupSend_AndASubscriberThrough1To1Send()
    {
        await PostAsync(dingTalk.Message("msg-bind", "wangjg01", "本群绑定 综合组"));
        Assert.Contains("综合组", System.Text.RegularExpressions.Regex.Unescape(ReplyTo("msg-bind").Body.ToJsonString()));
        await PostAsync(dingTalk.Message("msg-sub", "liming01", "订阅我的提醒", conversationId: "cidLiMing1to1==", group: false));
        Assert.NotNull(ReplyTo("msg-sub").Body);
        while (dingTalk.Sent.TryDequeue(out _))
        {
        }

        await app.Services.GetRequiredService<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        var (_, group) = Assert.Single(dingTalk.Sent, s => s.Kind == "group");
        Assert.Equal("cidGroup01==", group["openConversationId"]!.GetValue<string>());
        Assert.StartsWith("sampleMarkdown", group["msgKey"]!.GetValue<string>());
        var param = JsonNode.Parse(group["msgParam"]!.GetValue<string>())!;
        Assert.Contains("综合组", param["title"]!.GetValue<string>());
        Assert.Contains("**T013 测评资料收集整理与台账装订（第一批）**", param["text"]!.GetValue<string>());
        Assert.Contains(Uri.EscapeDataString("完成 T013"), param["text"]!.GetValue<string>());

        var (_, person) = Assert.Single(dingTalk.Sent, s => s.Kind == "person");
        Assert.Equal(["liming01"], person["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(1, dingTalk.TokensIssued); // cached between sends

        await using var ledger = app.OpenLedger();
        Assert.Equal(0, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_message WHERE target LIKE 'bf:dingtalk:%' AND state <> 'sent'"));
    }

    [Fact]
    public async Task APersonThrottledByDingTalk_ThoughAnswered200_GetsTheReminderOnTheRetry()
    {
        await PostAsync(dingTalk.Message("msg-sub", "liming01", "订阅我的提醒", conversationId: "cidLiMing1to1==", group: false));
        while (dingTalk.Sent.TryDequeue(out _))
        {
        }

        dingTalk.ThrottleNextPersonSend = true;
        await app.Services.GetRequiredService<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        var (_, person) = Assert.Single(dingTalk.Sent, s => s.Kind == "person");
        Assert.Equal(["liming01"], person["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        await using var ledger = app.OpenLedger();
        Assert.Equal(0, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_message WHERE target LIKE 'bf:dingtalk:%' AND state <> 'sent'"));
    }

    [Theory]
    [InlineData(503, "ServiceUnavailable", "", "sent")]
    [InlineData(429, "Throttling", "", "sent")]
    // DingTalk's per-second limit is a 403: the request was not processed, so it is tried again.
    [InlineData(403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "qps limit", "sent")]
    // A missing permission or a spent quota fails the message and leaves the group bound.
    [InlineData(403, "Forbidden.AccessDenied.AccessTokenPermissionDenied", "no permission: qyapi_robot_sendmsg", "failed")]
    [InlineData(403, "Forbidden.AccessDenied.ApiCountLimitForOrg", "monthly quota", "failed")]
    [InlineData(404, "resource.not.found", "not found", "failed")]
    // DingTalk's documented codes for a robot removed from the group, and a group that is gone.
    [InlineData(400, "invalidParameter.robotCode.notExsit", "机器人不存在", "gone")]
    [InlineData(400, "invalid.openConversationId", "无效的openConversationId", "gone")]
    // Words are not codes: an unknown error that happens to say robot, not and group fails the message, reported, and unbinds nothing.
    [InlineData(400, "invalidParameter.somethingNew", "robot is not allowed to post to this group now", "failed")]
    public async Task BoundGroupSend_RetriesWhatIsWorthRetryingAndDropsOnlyAGroupThatIsGone(int status, string code, string message, string expected)
    {
        await PostAsync(dingTalk.Message("msg-bind", "wangjg01", "本群绑定 综合组"));
        while (dingTalk.Sent.TryDequeue(out _))
        {
        }

        dingTalk.FailNextSendCode = code;
        dingTalk.FailNextSendMessage = message;
        dingTalk.FailNextSendWith = status;
        await app.Services.GetRequiredService<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        await using var ledger = app.OpenLedger();
        var removed = await ledger.ExecuteScalarAsync<string?>("SELECT removed_at FROM conversation WHERE channel_id = 'dingtalk' AND conversation_id = 'cidGroup01=='");
        if (expected == "sent")
        {
            Assert.Single(dingTalk.Sent, s => s.Kind == "group");
            Assert.Null(removed);
        }
        else if (expected == "failed")
        {
            Assert.DoesNotContain(dingTalk.Sent, s => s.Kind == "group");
            Assert.Null(removed);
            Assert.Equal(1, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_message WHERE target LIKE 'bf:dingtalk:%' AND state = 'failed'"));
            // What the weekly report lists as undelivered, with DingTalk's code to act on.
            var failure = Assert.Single(await app.Services.GetRequiredService<CampaignBot.Outbox.OutboxRepository>().FailuresSinceAsync(MondayMorning.AddDays(-1), CancellationToken.None),
                f => f.Key.StartsWith("bf:dingtalk:", StringComparison.Ordinal));
            Assert.Contains(code, failure.Error);
        }
        else
        {
            Assert.DoesNotContain(dingTalk.Sent, s => s.Kind == "group");
            Assert.NotNull(removed);
            // Handled as a chat that removed the bot (RemovedChats: unbound, audited, the coordinators told).
            Assert.Equal(1, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM audit WHERE action = 'conversation.removed'"));
        }
    }

    [Fact]
    public async Task RevokedAccessToken_IsRenewedOnceAndTheReminderStillGoesOut()
    {
        await PostAsync(dingTalk.Message("msg-bind", "wangjg01", "本群绑定 综合组", webhookExpires: time.GetUtcNow().AddMinutes(-1)));
        Assert.Equal(1, dingTalk.TokensIssued);
        dingTalk.RevokeTokens();
        while (dingTalk.Sent.TryDequeue(out _))
        {
        }

        await app.Services.GetRequiredService<ReminderCycle>().RunAsync(MondayMorning, CancellationToken.None);

        Assert.Single(dingTalk.Sent, s => s.Kind == "group");
        Assert.Equal(2, dingTalk.TokensIssued);
    }

    [Fact]
    public async Task FileSentAlone_IsHeldAndBecomesEvidenceWithTheSendersNextDone()
    {
        dingTalk.Files["code-file-1"] = Encoding.ASCII.GetBytes("%PDF-1.4\n%fake but shaped like a PDF\n");
        var file = dingTalk.Message("msg-file", "liming01", "", conversationId: "cidLiMing1to1==", group: false);
        file["msgtype"] = "file";
        file["content"] = new JsonObject { ["downloadCode"] = "code-file-1", ["fileName"] = "台账.pdf" };

        await PostAsync(file);
        Assert.Contains("收到 1 个文件", ReplyTo("msg-file").Body["text"]!["content"]!.GetValue<string>());
        await PostAsync(dingTalk.Message("msg-done", "liming01", "完成 T013", conversationId: "cidLiMing1to1==", group: false));

        await using var ledger = app.OpenLedger();
        Assert.Equal("done", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
        var (state, name, type) = await ledger.QuerySingleAsync<(string, string, string)>("SELECT state, original_name, content_type FROM evidence_file");
        Assert.Equal(("stored", "台账.pdf", "application/pdf"), (state, name, type));
    }

    /// <summary>The first bytes of each kind of photo a phone sends (the signatures the bot reads), padded.</summary>
    public static TheoryData<string, string, string> Photos => new()
    {
        { "png", "image/png", "picture-1.png" },
        { "jpeg", "image/jpeg", "picture-1.jpg" },
        { "gif", "image/gif", "picture-1.gif" },
        { "webp", "image/webp", "picture-1.webp" },
        { "heic", "image/heic", "picture-1.heic" },
    };

    private static byte[] PhotoBytes(string kind) => kind switch
    {
        "png" => TestImages.Png,
        "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9],
        "gif" => [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x3B],
        "webp" => [.. "RIFF"u8, 0x1A, 0x00, 0x00, 0x00, .. "WEBPVP8L"u8, 0x0D, 0x00, 0x00, 0x00, 0x2F, 0x00, 0x00, 0x00, 0x00],
        _ => [0x00, 0x00, 0x00, 0x18, .. "ftypheic"u8, 0x00, 0x00, 0x00, 0x00, .. "mif1heic"u8],
    };

    [Theory]
    [MemberData(nameof(Photos))]
    public async Task PictureSentWithDone_IsKeptWithTheTypeAndExtensionItsBytesShow(string kind, string type, string name)
    {
        dingTalk.Files["code-photo-1"] = PhotoBytes(kind);
        var message = dingTalk.Message("msg-photo", "liming01", "", conversationId: "cidLiMing1to1==", group: false);
        message["msgtype"] = "richText";
        message["content"] = new JsonObject
        {
            ["richText"] = new JsonArray(
                new JsonObject { ["text"] = "完成 T013" },
                new JsonObject { ["type"] = "picture", ["downloadCode"] = "code-photo-1", ["pictureDownloadCode"] = "code-photo-1" }),
        };

        await PostAsync(message);

        await using var ledger = app.OpenLedger();
        Assert.Equal("done", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
        var (state, storedType, storedName, sender) = await ledger.QuerySingleAsync<(string, string, string, string)>("SELECT state, content_type, original_name, sender_account FROM evidence_file");
        Assert.Equal("stored", state);
        Assert.Equal((type, name), (storedType, storedName));
        Assert.Equal("dingtalk:liming01", sender);
    }
}
