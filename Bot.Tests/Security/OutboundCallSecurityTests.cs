using System.Net;
using System.Net.Http.Json;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 12, point 2: the bot posted to a serviceUrl a stranger named (and kept it for reminders),
/// and robot webhooks could point anywhere. A local listener stands for the internal address.
/// </summary>
[Needs(Needs.Host)]
public sealed class OutboundCallSecurityTests : IAsyncLifetime
{
    private RecordingListener internalService = null!;

    public async Task InitializeAsync() => internalService = await RecordingListener.StartAsync();

    public async Task DisposeAsync() => await internalService.DisposeAsync();

    private object Message(string account, string text, string conversation, bool expectReplies)
    {
        var activity = Activities.Message(account, text, "emulator", conversation, false);
        activity["serviceUrl"] = internalService.BaseUrl;
        if (!expectReplies)
        {
            activity.Remove("deliveryMode");
        }

        return activity;
    }

    [Fact]
    public async Task UnauthenticatedMessage_NamingAnInternalServiceUrl_IsRefusedBeforeTheTurn_AndNothingIsCalledOrKept()
    {
        using var app = new BotApplication(new Dictionary<string, string?> { ["environment"] = "Production", ["MessagesEndpoint:AllowUnauthenticated"] = "true" });
        var client = app.CreateClient();
        using var ledger = app.OpenLedger();
        var before = LedgerSnapshot.Of(ledger);

        var response = await client.PostAsJsonAsync("/api/messages", Message("sample-zonghe", "完成 T014", "ssrf-chat", expectReplies: false));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(internalService.Requests);
        Assert.Equal(before, LedgerSnapshot.Of(ledger));
    }

    [Fact]
    public async Task UnauthenticatedQuestion_AnsweredInTheResponse_DoesNotKeepTheServiceUrl_ForLaterReminders()
    {
        using var app = new BotApplication(new Dictionary<string, string?> { ["environment"] = "Production", ["MessagesEndpoint:AllowUnauthenticated"] = "true" });

        var texts = await BotApplication.ReplyTextsAsync(await app.CreateClient().PostAsJsonAsync("/api/messages", Message("sample-zonghe", "订阅我的提醒", "planted-chat", expectReplies: true)));

        Assert.NotEmpty(texts);
        Assert.Empty(internalService.Requests);
        using var ledger = app.OpenLedger();
        Assert.Null(ledger.ExecuteScalar<string?>("SELECT service_url FROM conversation WHERE conversation_id = 'planted-chat'"));
    }

    [Fact]
    public async Task AStoredServiceUrl_FromBeforeTheRule_GetsNoReminder()
    {
        // A chat planted before this version (or by hand) with an internal address: the send is refused in-process.
        await using var services = await BotServices.CreateAsync(TestClock.Create(), new Dictionary<string, string?> { ["MessagesEndpoint:UnauthenticatedServiceUrlHosts:0"] = "" });
        await using (var ledger = await services.Database.OpenAsync())
        {
            await ledger.ExecuteAsync(
                "INSERT INTO conversation (channel_id, conversation_id, service_url, is_group, last_seen_at, bound_office_id) VALUES ('emulator', 'planted', @Url, 1, '2026-06-15T00:00:00.000Z', (SELECT id FROM office WHERE name = '综合组'))",
                new { Url = internalService.BaseUrl });
        }

        // The sender takes the planted row's service url as stored, as the outbox would.
        var sender = services.Get<CampaignBot.Bots.BotFrameworkSender>();
        var message = new CampaignBot.Chat.Outgoing.OutgoingMessage(new CampaignBot.Chat.Replies.ChatReply("提醒"), CampaignBot.Understanding.Commands.ReplyLanguage.Chinese);

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new CampaignBot.Scheduling.Delivery.ChatTarget("emulator", "planted"), message, CancellationToken.None));
        Assert.Empty(internalService.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/robot/send?access_token=abc")]
    [InlineData("https://oapi.dingtalk.com.evil.example/robot/send?access_token=abc")]
    [InlineData("http://oapi.dingtalk.com/robot/send?access_token=abc")]
    [InlineData("https://user@oapi.dingtalk.com/robot/send?access_token=abc")]
    public async Task ACoordinator_AddingARobotOffTheirHosts_IsRefused_AndNoRobotIsStored(string url)
    {
        await using var services = await BotServices.CreateAsync(TestClock.Create());
        var target = url.Replace("{port}", new Uri(internalService.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await services.Flow("sample-coordinator").Send($"添加机器人 综合组 钉钉 {target}").AssertReply(r => Assert.Contains("未添加", r.AsMessageActivity().Text)).StartTestAsync();

        await using var ledger = await services.Database.OpenAsync();
        Assert.Equal(0, await ledger.ExecuteScalarAsync<long>("SELECT count(*) FROM robot"));
    }

    [Fact]
    public async Task ARobotStoredOffTheirHosts_IsNeverCalled_EvenWithItsSignedToken()
    {
        await using var services = await BotServices.CreateAsync(TestClock.Create());
        await using (var ledger = await services.Database.OpenAsync())
        {
            await ledger.ExecuteAsync(
                "INSERT INTO robot (office_id, kind, url, secret, source, created_at) VALUES ((SELECT id FROM office WHERE name = '综合组'), 'dingtalk', @Url, 'SEC0123456789abcdef0123456789', 'chat', '2026-06-15T00:00:00.000Z')",
                new { Url = internalService.BaseUrl + "robot/send?access_token=abc" });
        }

        var robot = (await services.Get<CampaignBot.Ledger.Repositories.RobotRepository>().AllAsync(CancellationToken.None)).Single();
        var delivery = new CampaignBot.Robots.RobotDelivery(robot, "提醒", "提醒", [], []);

        await Assert.ThrowsAsync<InvalidOperationException>(() => services.Get<CampaignBot.Robots.RobotSender>().SendAsync(delivery, CancellationToken.None));
        Assert.Empty(internalService.Requests);
    }
}
