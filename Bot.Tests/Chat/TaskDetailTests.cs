using CampaignBot.Tests.Support;
using Microsoft.Bot.Schema;

namespace CampaignBot.Tests.Chat;

/// <summary>
/// Issue 22, point 9: the task detail ran its fields together in Web Chat (a card's text is markdown
/// there, which joins single line breaks) and did not mention a pending extension. Now each field is
/// a line of its own, a paragraph in the card, and a pending request is shown with its number and day.
/// </summary>
public sealed class TaskDetailTests : IAsyncLifetime
{
    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task TheDetail_OfATaskWithAPendingExtension_ShowsIt_OneFieldALine()
    {
        string body = "";
        await services.Flow("sample-zonghe")
            .Send("申请延期 T014 到 2026-07-15 理由：志愿者调整")
            .AssertReply(r => Assert.StartsWith("已提交延期申请 #1", ((IMessageActivity)r).Text))
            .Send("详情 T014")
            .AssertReply(r => body = ((IMessageActivity)r).Text)
            .StartTestAsync();

        Assert.Equal(
            [
                "T014 学雷锋志愿服务活动",
                "测评项目：志愿服务",
                "牵头单位：综合组",
                "配合单位：机关党委",
                "责任人：张伟",
                "开始：5月17日 周日",
                "截止：6月16日 周二",
                "状态：未完成，还有 1 天",
                "延期申请 #1 待审批：至 7月15日 周三（张伟申请）",
                "佐证材料要求：志愿者名单、服务记录、照片",
                "已有佐证：0 项",
            ],
            body.Split('\n'));
    }

    [Fact]
    public async Task TheDetail_InWebChat_IsOneParagraphAField_AndInEnglishToo()
    {
        await services.Flow("sample-zonghe", channelId: "webchat")
            .Send("extend T014 to 2026-07-15")
            .AssertReply(r => Assert.StartsWith("Extension request #1 sent", ((IMessageActivity)r).Text))
            .Send("detail T014")
            .AssertReply(reply =>
            {
                var card = Assert.Single(CardBlock.Of(reply));
                Assert.Equal("T014 学雷锋志愿服务活动", card.Title);
                var lines = string.Join("\n", card.Texts);
                Assert.Contains("Lead office: 综合组\nWith: 机关党委\nOwner: 张伟", lines);
                Assert.Contains("Due: Tue 16 Jun\nStatus: open, 1 day left\nExtension request #1 pending: to Wed 15 Jul (asked by 张伟)", lines);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TheDetail_AfterTheRequestIsDecided_NoLongerShowsIt()
    {
        await services.Flow("sample-zonghe")
            .Send("申请延期 T014 到 2026-07-15")
            .AssertReply(_ => { })
            .StartTestAsync();
        await services.Flow("sample-coordinator")
            .Send("驳回延期 1")
            .AssertReply(_ => { })
            .Send("详情 T014")
            .AssertReply(r => Assert.DoesNotContain("延期申请", ((IMessageActivity)r).Text))
            .StartTestAsync();
    }
}
