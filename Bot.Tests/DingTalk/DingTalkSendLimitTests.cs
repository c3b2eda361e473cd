using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Chat.Outgoing;
using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.DingTalk;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.DingTalk;

/// <summary>
/// A long reminder through the real sender, against a stand-in that refuses a msgParam over
/// DingTalk's documented 15,000 bytes: it must arrive, in UTF-8, trimmed by whole entries, saying how
/// many were left out.
/// </summary>
[Needs(Needs.Host)]
public class DingTalkSendLimitTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private FakeDingTalk dingTalk = null!;
    private BotServices services = null!;

    public async Task InitializeAsync()
    {
        dingTalk = await FakeDingTalk.StartAsync();
        services = await BotServices.CreateAsync(new AnchoredTimeProvider(TestClock.Start), dingTalk.Settings("Http"));
        await services.Get<DingTalkStore>().RememberChatAsync(new DingTalkStore.Chat { ConversationId = "cidGroup01==", IsGroup = true }, TestClock.Start, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await dingTalk.DisposeAsync();
    }

    private static ReplyItem Task(int i) => new($"T{i:000} 文明单位创建测评资料收集整理与台账装订（第{i}批）及相关佐证材料归档", [new ReplyAction("完成", $"完成 T{i:000}"), new ReplyAction("详情", $"详情 T{i:000}")])
    {
        Code = $"T{i:000}", Office = "综合组、材料组、行政组", Due = "6月30日 周二", State = new ReplyState("逾期 3 天", ReplyTone.Attention),
        Lines = ["说明：按测评体系要求整理，注明来源与时间，扫描件清晰完整"],
    };

    [Fact]
    public async Task SixtyTaskReminder_ReachesTheGroup_InUtf8_WithinTheLimit_SayingHowManyAreLeftOut()
    {
        var reply = new ChatReply("综合组：逾期 60 项") { Items = [.. Enumerable.Range(1, 60).Select(Task)] };

        await services.Get<IEnumerable<IChannelSender>>().OfType<DingTalkSender>().Single().SendAsync(new ChatTarget(DingTalkChannel.ChannelId, "cidGroup01=="), new OutgoingMessage(reply, ReplyLanguage.Chinese), CancellationToken.None);

        var (kind, body) = Assert.Single(dingTalk.Sent);
        Assert.Equal("group", kind);
        var param = body["msgParam"]!.GetValue<string>();
        Assert.True(Encoding.UTF8.GetByteCount(param) <= FakeDingTalk.MaxMsgParamBytes);
        // Chinese travels as itself, not as \uXXXX (which would triple its size).
        Assert.DoesNotContain("\\u", param, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", Assert.Single(dingTalk.LastRawBodies), StringComparison.Ordinal);
        var text = JsonNode.Parse(param)!["text"]!.GetValue<string>();
        Assert.Contains("**T001 ", text);
        Assert.DoesNotContain("**T060 ", text);
        var shown = Enumerable.Range(1, 60).Count(i => text.Contains($"**T{i:000} ", StringComparison.Ordinal));
        Assert.Contains($"另有 {60 - shown} 项未列出", text);
        // Whole entries only: every listed task keeps its buttons.
        Assert.Equal(shown, text.Split("[完成](", StringSplitOptions.None).Length - 1);
        output.WriteLine($"60 tasks: {shown} listed, msgParam {Encoding.UTF8.GetByteCount(param)} bytes, request body {Encoding.UTF8.GetByteCount(dingTalk.LastRawBodies.Single())} bytes");
        Assert.True(shown >= 10, $"only {shown} entries were sent");
    }
}
