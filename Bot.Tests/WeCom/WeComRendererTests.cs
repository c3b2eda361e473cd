using System.Text;
using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.WeCom;

namespace CampaignBot.Tests.WeCom;

/// <summary>Replies as WeCom markdown and a button card, from the reply model: escaped, within the byte limits, split or trimmed.</summary>
public class WeComRendererTests
{
    private static ReplyItem Task(int n, string title = "标题") => new($"T{n:000} {title}{new string('长', 120)}", [new("完成", $"完成 T{n:000}"), new("详情", $"详情 T{n:000}")])
    {
        Code = $"T{n:000}",
        Office = "综合组",
        Due = "6月30日 周二",
        State = new ReplyState($"逾期 {n} 天", ReplyTone.Attention),
    };

    private static ChatReply List(int count) => new("本周到期的任务") { Items = Enumerable.Range(1, count).Select(n => Task(n)).ToList() };

    [Fact]
    public void List_IsMarkdownWithItsEntries_AndACardOfAtMostSixButtonsCarryingTheirCommands()
    {
        var content = WeComRenderer.Render(List(5));

        var markdown = Assert.Single(WeComMarkdown.Split(content, WeComMarkdown.ReplyMaxBytes, WeComMarkdown.MessageMaxBytes));
        Assert.StartsWith("本周到期的任务\n\n**T001 标题", markdown);
        Assert.Contains("综合组 · 6月30日 周二 · **逾期 1 天**", markdown);
        var card = content.Card!;
        Assert.Equal(WeComRenderer.MaxButtons, card.Buttons.Count);
        Assert.Equal(["完成 T001", "详情 T001", "完成 T002", "详情 T002", "完成 T003", "详情 T003"], card.Buttons.Select(b => b.Value));
        Assert.Equal("完成 T001", card.Buttons[0].Title); // short enough to show the whole command
        Assert.Matches("^[0-9A-Za-z_@-]{1,128}$", card.TaskId);
    }

    [Fact]
    public void SomeonesMarkdown_ShowsAsTheirCharacters()
    {
        var reply = new ChatReply("# 通知") { Items = [Task(1, "[驳回](https://evil.example) **粗**")] };

        var markdown = string.Join("\n\n", WeComRenderer.Render(reply).Blocks);

        Assert.Contains("\\# 通知", markdown);
        Assert.Contains("\\[驳回\\]\\(https://evil.example\\) \\*\\*粗\\*\\*", markdown);
        Assert.DoesNotContain("[驳回](", markdown);
    }

    [Fact]
    public void SixtyTasks_SplitIntoMessagesWithinTheirLimits_LosingNone()
    {
        var content = WeComRenderer.Render(List(60));

        var parts = WeComMarkdown.Split(content, WeComMarkdown.ReplyMaxBytes, WeComMarkdown.MessageMaxBytes);

        Assert.True(parts.Count > 1);
        Assert.True(Encoding.UTF8.GetByteCount(parts[0]) <= WeComMarkdown.ReplyMaxBytes);
        Assert.All(parts.Skip(1), p => Assert.True(Encoding.UTF8.GetByteCount(p) <= WeComMarkdown.MessageMaxBytes));
        var all = string.Join("\n\n", parts);
        Assert.All(Enumerable.Range(1, 60), n => Assert.Contains($"**T{n:000} ", all));
    }

    [Fact]
    public void SixtyTasks_InOneMessage_AreTrimmedSayingHowManyWereLeftOut()
    {
        var content = WeComRenderer.Render(List(60));

        var markdown = WeComMarkdown.Fit(content, WeComMarkdown.MessageMaxBytes, ReplyTexts.For(ReplyLanguage.Chinese));

        Assert.True(Encoding.UTF8.GetByteCount(markdown) <= WeComMarkdown.MessageMaxBytes);
        Assert.Contains("**T001 ", markdown);
        var shown = Enumerable.Range(1, 60).Count(n => markdown.Contains($"**T{n:000} ", StringComparison.Ordinal));
        Assert.Contains(ReplyTexts.For(ReplyLanguage.Chinese).More(60 - shown), markdown.Replace("\\", "", StringComparison.Ordinal));
    }

    [Fact]
    public void PlainAnswer_HasNoCard()
    {
        var content = WeComRenderer.Render(new ChatReply("已记录。\n谢谢"));

        Assert.Null(content.Card);
        Assert.Equal(["已记录。", "谢谢"], content.Blocks);
    }
}
