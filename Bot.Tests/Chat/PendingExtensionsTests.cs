using CampaignBot.Tests.Support;
using Microsoft.Bot.Schema;

namespace CampaignBot.Tests.Chat;

/// <summary>
/// Issue 22, point 5: there was no way to list the extension requests waiting for a decision; the
/// number in 同意延期 N had to be guessed. 待审批 lists them, each with its number, task, asker,
/// dates and reason, and 同意 / 驳回 buttons; for coordinators only.
/// </summary>
public sealed class PendingExtensionsTests : IAsyncLifetime
{
    private BotServices services = null!;

    public async Task InitializeAsync()
    {
        services = await BotServices.CreateAsync();
        await services.Flow("sample-zonghe")
            .Send("申请延期 T014 到 2026-07-15 理由：志愿者调整")
            .AssertReply(r => Assert.StartsWith("已提交延期申请 #1", ((IMessageActivity)r).Text))
            .StartTestAsync();
        await services.Flow("sample-dangwei")
            .Send("申请延期 T016 到 2026-07-31")
            .AssertReply(r => Assert.StartsWith("已提交延期申请 #2", ((IMessageActivity)r).Text))
            .StartTestAsync();
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static IReadOnlyList<CardBlock> Cards(IActivity reply) => CardBlock.Of(reply);

    [Fact]
    public async Task ACoordinator_AfterTwoRequests_SeesBothWithNumberTaskAskerDatesReasonAndButtons()
    {
        await services.Flow("sample-coordinator", channelId: "msteams")
            .Send("待审批")
            .AssertReply(reply =>
            {
                Assert.StartsWith("待审批的延期申请：2 项", ((IMessageActivity)reply).Text);
                var cards = Cards(reply);
                Assert.Equal(["#1 T014 学雷锋志愿服务活动", "#2 T016 “三会一课”制度落实台账"], cards.Select(c => c.Title));
                Assert.Equal(["张伟（综合组）申请：截止 6月16日 周二 → 7月15日 周三；理由：志愿者调整"], cards[0].Texts);
                Assert.Equal(["何军（机关党委）申请：截止 6月19日 周五 → 7月31日 周五"], cards[1].Texts);
                Assert.Equal([("同意", "同意延期 1"), ("驳回", "驳回延期 1")], cards[0].Buttons);
            })
            // A button pressed: the request is decided and leaves the list.
            .Send("同意延期 1")
            .AssertReply(r => Assert.StartsWith("已同意延期申请 #1", ((IMessageActivity)r).Text))
            .Send("pending requests")
            .AssertReply(reply =>
            {
                Assert.StartsWith("Extension requests waiting for a decision: 1", ((IMessageActivity)reply).Text);
                Assert.Equal(["#2 T016 “三会一课”制度落实台账"], Cards(reply).Select(c => c.Title));
            })
            .Send("驳回延期 2 材料不全")
            .AssertReply(r => Assert.StartsWith("已驳回延期申请 #2", ((IMessageActivity)r).Text))
            .Send("待审批")
            .AssertReply(r => Assert.Equal("没有待审批的延期申请。", ((IMessageActivity)r).Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("sample-zonghe", "待审批", "只有领导小组办公室的协调员可以查看和审批延期申请。")]
    [InlineData("sample-leader", "待审批的延期申请", "只有领导小组办公室的协调员可以查看和审批延期申请。")]
    [InlineData("stranger", "pending extensions", "Only coordinators (领导小组办公室) see and decide extension requests.")]
    public async Task AnyoneElse_IsToldWhoMay_AndSeesNoRequest(string account, string text, string refusal)
    {
        await services.Flow(account)
            .Send(text)
            .AssertReply(reply =>
            {
                Assert.Equal(refusal, ((IMessageActivity)reply).Text);
                Assert.Empty(((IMessageActivity)reply).Attachments ?? []);
            })
            .StartTestAsync();
    }
}
