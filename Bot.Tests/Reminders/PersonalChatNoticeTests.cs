using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// Teams-like personal chats (the Emulator's are the same) through the real host's /api/messages,
/// replies and notices going to a fake Bot Connector: with no chat bound to any office, a coordinator
/// who has written to the bot once gets a member's extension request there with 同意/驳回, and a
/// hand-over reaches the receiving office's lead in theirs.
/// </summary>
[Needs(Needs.Host)]
public sealed class PersonalChatNoticeTests : IAsyncLifetime
{
    private FakeConnector connector = null!;
    private BotApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        app = new BotApplication(time: new AnchoredTimeProvider(TestClock.Start.AddSeconds(5)));
        client = app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await connector.DisposeAsync();
    }

    /// <summary>A message in the person's own 1:1 chat ("dm-{account}"), its replies to the fake connector.</summary>
    private async Task SayAsync(string account, string text)
    {
        var activity = Activities.Message(account, text, "msteams", "dm-" + account, isGroup: false);
        activity["serviceUrl"] = connector.ServiceUrl;
        activity.Remove("deliveryMode");
        (await client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
    }

    private IReadOnlyList<JsonNode> Received(string account, string prefix) =>
        connector.To("dm-" + account).Where(a => (a["text"]?.GetValue<string>() ?? "").StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private Task DispatchAsync() => app.Services.GetRequiredService<IOutboxDispatcher>().DispatchAsync(CancellationToken.None);

    [Fact]
    public async Task AnExtensionRequest_ReachesTheCoordinatorsPersonalChat_WithButtons_NotTheOtherCoordinatorWhoNeverWrote()
    {
        await SayAsync("sample-coordinator", "我是谁");

        await SayAsync("sample-zonghe", "申请延期 T014 到 2026-07-20 理由：志愿者调整");
        await DispatchAsync();

        Assert.DoesNotContain("还没有协调员", Assert.Single(Received("sample-zonghe", "已提交延期申请"))["text"]!.GetValue<string>());
        var request = Assert.Single(Received("sample-coordinator", "【延期申请】"));
        Assert.Equal(["同意延期 1", "驳回延期 1"], CardBlock.Of(request)[0].Buttons.Select(b => b.Value));
        Assert.Empty(connector.To("dm-sample-coordinator-2"));
    }

    [Fact]
    public async Task NoCoordinatorHasWritten_TheAskerIsToldToTellOneDirectly()
    {
        await SayAsync("sample-zonghe", "申请延期 T014 到 2026-07-20 理由：志愿者调整");

        Assert.Contains("还没有协调员能收到这条申请", Assert.Single(Received("sample-zonghe", "已提交延期申请"))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AHandOver_ReachesTheReceivingOfficesLead_AndTheCoordinators_InTheirPersonalChats()
    {
        await SayAsync("sample-cailiao-lead", "我是谁");
        await SayAsync("sample-coordinator", "我是谁");
        await SayAsync("sample-coordinator-2", "我是谁");

        await SayAsync("sample-zonghe-lead", "转办 T014 给 材料组");
        await DispatchAsync();

        var received = Assert.Single(Received("sample-cailiao-lead", "【转办】T014"))["text"]!.GetValue<string>();
        Assert.Contains("由综合组转交材料组", received);
        Assert.Single(Received("sample-coordinator", "【转办】T014"));
        Assert.Single(Received("sample-coordinator-2", "【转办】T014"));
        // The lead who handed it over got the reply, and is not told again.
        Assert.Empty(Received("sample-zonghe-lead", "【转办】"));
    }
}
