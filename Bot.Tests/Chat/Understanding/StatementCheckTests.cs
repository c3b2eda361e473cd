using System.Text.RegularExpressions;
using CampaignBot.Understanding;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>
/// The second reading on its own: the sentence around a change word, read for what makes it other
/// than a plain report or order. Its own word lists (SpeechMarkers), not the rules'.
/// </summary>
public partial class StatementCheckTests
{
    [Theory]
    [InlineData("T017 弄完了", "弄完", false, StatementReading.Plain)]
    [InlineData("标记 T017 完成", "完成", false, StatementReading.Plain)]
    [InlineData("我要标记 T017 完成", "完成", false, StatementReading.Plain)]
    [InlineData("T014 100%完成 🎉", "完成", false, StatementReading.Plain)]
    [InlineData("4.4 恳谈会今天开完了，照片纪要已传", "开完了", false, StatementReading.Plain)]
    [InlineData("T021 想延期到7月15日", "延期", true, StatementReading.Plain)]
    [InlineData("C3 刚点错了 还没检查完 重开一下", "重开", true, StatementReading.Plain)]
    [InlineData("T019的完成时限是多久", "完成", false, StatementReading.Question)]
    [InlineData("is T021 done?", "done", false, StatementReading.Question)]
    [InlineData("we can't finish T019 on time", "finish", false, StatementReading.Negated)]
    [InlineData("T021 还没完成", "完成", false, StatementReading.Negated)]
    [InlineData("如果T023搞定了就跟我说下", "搞定", false, StatementReading.Conditional)]
    [InlineData("如果周五验收通过，HW-04就算完成了", "完成", false, StatementReading.Conditional)]
    [InlineData("T024 打算下周去社区，弄完再报", "弄完", false, StatementReading.Conditional)]
    [InlineData("I'll mark T020 done after the post goes out on Friday", "done", false, StatementReading.Conditional)]
    [InlineData("听说T026已经办完了", "办完", false, StatementReading.Hearsay)]
    [InlineData("罗主任说5-1-1要转给卫健委", "转给", true, StatementReading.Hearsay)]
    [InlineData("李明说T017已经完成了，你核实一下", "完成", false, StatementReading.CheckAsked)]
    [InlineData("文件里写的是“1.2于11月30日前完成”", "完成", false, StatementReading.Quoted)]
    [InlineData("T022 完成80%了，还剩两场", "完成", false, StatementReading.Partial)]
    [InlineData("T017 快完成了", "完成", false, StatementReading.Intended)]
    [InlineData("T017 will be done by Friday", "done", false, StatementReading.Intended)]
    [InlineData("第12个延期申请我倾向同意，等刘主任定", "同意", false, StatementReading.Conditional)]
    public void Read_TellsAPlainReportOrOrderFromEverythingElse(string message, string changeWord, bool isRequest, StatementReading expected)
    {
        var text = TextNormalizer.Normalize(message).Text;
        var at = text.IndexOf(changeWord, StringComparison.Ordinal);
        var opaque = new bool[text.Length];
        foreach (Match code in Code().Matches(text))
        {
            Array.Fill(opaque, true, code.Index, code.Length);
        }

        Assert.Equal(expected, StatementCheck.Read(text, (at, at + changeWord.Length), opaque, isRequest));
    }

    [GeneratedRegex(@"[a-z]{1,3}-?\d+|\d+(?:[.\-]\d+)+")]
    private static partial Regex Code();
}
