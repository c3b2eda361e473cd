using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Chat.Replies;
using CampaignBot.DingTalk;

namespace CampaignBot.Tests.DingTalk;

/// <summary>The bot's replies as DingTalk shows them: one-tap buttons, the send APIs' templates, and the size limit.</summary>
public class DingTalkRendererTests
{
    private static readonly ReplyTexts Texts = ChineseTexts.Instance;

    private static ReplyItem Task(string code) => new($"{code} 资料台账整理", [new ReplyAction("完成", "完成 " + code), new ReplyAction("详情", "详情 " + code)])
    {
        Code = code, Office = "综合组", Due = "6月30日 周二", State = new ReplyState("还有 3 天", ReplyTone.Plain),
    };

    [Fact]
    public void Cards_BecomeMarkdownWithOneTapLinks()
    {
        var content = DingTalkRenderer.Render(new ChatReply("本周到期：2 项") { Items = [Task("T001"), Task("T002")] }, Texts);

        Assert.Equal(DingTalkContentKind.Markdown, content.Kind);
        Assert.Equal("本周到期：2 项", content.Title);
        Assert.Contains("**T002 资料台账整理**\n\n综合组 · 6月30日 周二 · 还有 3 天\n\n[完成](dtmd://dingtalkclient/sendMessage?content=%E5%AE%8C%E6%88%90%20T002) · [详情](dtmd://dingtalkclient/sendMessage?content=%E8%AF%A6%E6%83%85%20T002)", content.Text);
    }

    [Fact]
    public void SuggestedActions_BecomeAnActionCardWhoseTemplateHoldsTheButtons()
    {
        var content = DingTalkRenderer.Render(new ChatReply("要标记哪一项？") { Suggestions = [new ReplyAction("完成 T001", "完成 T001"), new ReplyAction("完成 T002", "完成 T002")] }, Texts);
        var (key, param) = DingTalkWireFormat.Template(content);
        var session = DingTalkWireFormat.SessionBody(content);

        Assert.Equal(DingTalkContentKind.ActionCard, content.Kind);
        Assert.Equal("sampleActionCard2", key);
        var json = JsonNode.Parse(param)!;
        Assert.Equal("完成 T002", json["actionTitle2"]!.GetValue<string>());
        Assert.Equal("dtmd://dingtalkclient/sendMessage?content=%E5%AE%8C%E6%88%90%20T002", json["actionURL2"]!.GetValue<string>());
        Assert.Equal("actionCard", session["msgtype"]!.GetValue<string>());
        Assert.Equal(2, session["actionCard"]!["btns"]!.AsArray().Count);
    }

    [Fact]
    public void OneButton_UsesTheSingleButtonTemplate_PlainTextStaysText()
    {
        var one = new DingTalkContent(DingTalkContentKind.ActionCard, "t", "x", [new DingTalkButton("完成", "完成 T001")]);
        Assert.Equal("sampleActionCard", DingTalkWireFormat.Template(one).MsgKey);
        Assert.Contains("singleURL", DingTalkWireFormat.Template(one).MsgParam);

        var plain = DingTalkRenderer.Render(new ChatReply("已完成 T001"), Texts);
        Assert.Equal(DingTalkContentKind.Text, plain.Kind);
        Assert.Equal(("sampleText", "{\"content\":\"已完成 T001\"}"), DingTalkWireFormat.Template(plain));
    }

    [Fact]
    public void LongList_IsTrimmedWithinDingTalksLimitSayingHowManyAreLeftOut()
    {
        var items = Enumerable.Range(1, 400).Select(i => Task($"T{i:000}") with { Office = new string('长', 30) }).ToList();

        var content = DingTalkRenderer.Render(new ChatReply("全部任务") { Items = items }, Texts);

        Assert.True(Encoding.UTF8.GetByteCount(content.Text) <= DingTalkRenderer.MaxBytes);
        Assert.Contains("T001", content.Text);
        Assert.DoesNotContain("T400", content.Text);
        Assert.Contains("未列出", content.Text);
    }

    [Fact]
    public void LongPlainText_IsCutAtTheLimit()
    {
        var content = DingTalkRenderer.Render(new ChatReply(new string('字', 10_000)), Texts);

        Assert.True(Encoding.UTF8.GetByteCount(content.Text) <= DingTalkRenderer.MaxBytes);
        Assert.EndsWith("…", content.Text);
    }

    [Fact]
    public void LedgerTexts_AreEscaped_SoALookAlikeLinkShowsAsText()
    {
        var trap = Task("T001") with { Title = "T001 [驳回](https://evil.example) **急** # 标题", Lines = ["说明：![x](https://evil.example/p.png) <font color=red>假</font>"] };

        var content = DingTalkRenderer.Render(new ChatReply("> 引用") { Items = [trap] }, Texts);

        Assert.Contains(@"\[驳回\]\(https://evil.example\)", content.Text);
        Assert.Contains(@"\*\*急\*\* \# 标题", content.Text);
        Assert.Contains(@"\!\[x\]\(https://evil.example/p.png\) \<font color=red\>假\</font\>", content.Text);
        Assert.StartsWith(@"\> 引用", content.Text);
        Assert.DoesNotContain("](https://evil", content.Text.Replace(@"\]\(", "", StringComparison.Ordinal));
    }

    [Fact]
    public void OverdueState_IsRed_TheRestPlain()
    {
        var overdue = Task("T001") with { State = new ReplyState("逾期 3 天", ReplyTone.Attention) };

        var content = DingTalkRenderer.Render(new ChatReply("逾期") { Items = [overdue, Task("T002")] }, Texts);

        Assert.Contains("<font color=#D32F2F>逾期 3 天</font>", content.Text);
        Assert.Contains("6月30日 周二 · 还有 3 天", content.Text);
    }
}
