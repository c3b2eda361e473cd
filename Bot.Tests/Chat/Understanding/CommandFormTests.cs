using CampaignBot.Understanding.Commands;
using CampaignBot.Understanding;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>The command forms of the help text, read without the ledger's names (as when it has none yet).</summary>
public class CommandFormTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static ChatCommand Parse(string text, ReplyLanguage defaultLanguage = ReplyLanguage.Chinese) =>
        MessageUnderstanding.Understand(text, Today, defaultLanguage, LedgerNames.Empty);

    [Theory]
    [InlineData("本周有什么到期？", "2026-06-15", "2026-06-21", ReplyLanguage.Chinese)]
    [InlineData("本周到期", "2026-06-15", "2026-06-21", ReplyLanguage.Chinese)]
    [InlineData("今天到期", "2026-06-15", "2026-06-15", ReplyLanguage.Chinese)]
    [InlineData("明天有哪些任务到期", "2026-06-16", "2026-06-16", ReplyLanguage.Chinese)]
    [InlineData("下周到期的任务", "2026-06-22", "2026-06-28", ReplyLanguage.Chinese)]
    [InlineData("到期 6/30", "2026-06-30", "2026-06-30", ReplyLanguage.Chinese)]
    [InlineData("6月1日到6月30日到期", "2026-06-01", "2026-06-30", ReplyLanguage.Chinese)]
    [InlineData("下周五截止", "2026-06-26", "2026-06-26", ReplyLanguage.Chinese)]
    [InlineData("本月任务", "2026-06-01", "2026-06-30", ReplyLanguage.Chinese)]
    [InlineData("到期", "2026-06-15", "2026-06-21", ReplyLanguage.Chinese)]
    [InlineData("what is due this week?", "2026-06-15", "2026-06-21", ReplyLanguage.English)]
    [InlineData("due today", "2026-06-15", "2026-06-15", ReplyLanguage.English)]
    [InlineData("What's due next Friday", "2026-06-26", "2026-06-26", ReplyLanguage.English)]
    [InlineData("due 6/1-6/30", "2026-06-01", "2026-06-30", ReplyLanguage.English)]
    [InlineData("due", "2026-06-15", "2026-06-21", ReplyLanguage.English)]
    [InlineData("６月３０日到期", "2026-06-30", "2026-06-30", ReplyLanguage.Chinese)]
    public void Parse_DueQuestion_GivesWindowAndLanguage(string text, string from, string to, ReplyLanguage language)
    {
        var due = Assert.IsType<DueCommand>(Parse(text));

        Assert.Equal(new DateWindow(DateOnly.Parse(from), DateOnly.Parse(to)), due.Window);
        Assert.Equal(language, due.Language);
        Assert.False(due.WholeCampaign);
    }

    [Theory]
    [InlineData("全部本周到期")]
    [InlineData("all due this week")]
    public void Parse_AllPrefix_AsksForWholeCampaign(string text)
    {
        Assert.True(Assert.IsType<DueCommand>(Parse(text)).WholeCampaign);
    }

    [Theory]
    [InlineData("6/30", ReplyLanguage.English)]
    [InlineData("2026-06-30", ReplyLanguage.Chinese)]
    public void Parse_BareDate_IsDueOnThatDayInDefaultLanguage(string text, ReplyLanguage defaultLanguage)
    {
        var due = Assert.IsType<DueCommand>(Parse(text, defaultLanguage));

        Assert.Equal(DateWindow.Day(new DateOnly(2026, 6, 30)), due.Window);
        Assert.Equal(defaultLanguage, due.Language);
    }

    [Theory]
    [InlineData("逾期", false, ReplyLanguage.Chinese)]
    [InlineData("全部逾期", true, ReplyLanguage.Chinese)]
    [InlineData("overdue", false, ReplyLanguage.English)]
    [InlineData("All overdue", true, ReplyLanguage.English)]
    public void Parse_Overdue_GivesScope(string text, bool whole, ReplyLanguage language)
    {
        var overdue = Assert.IsType<OverdueCommand>(Parse(text));

        Assert.Equal(whole, overdue.WholeCampaign);
        Assert.Equal(language, overdue.Language);
    }

    [Theory]
    [InlineData("完成 T017 已上传照片", "T017", "已上传照片", ReplyLanguage.Chinese)]
    [InlineData("完成T017已上传照片", "T017", "已上传照片", ReplyLanguage.Chinese)]
    [InlineData("完成 t017", "T017", null, ReplyLanguage.Chinese)]
    [InlineData("完成 R01-260630 已开会", "R01-260630", "已开会", ReplyLanguage.Chinese)] // an occurrence of a recurring duty
    [InlineData("已完成 A-01 见附件", "A-01", "见附件", ReplyLanguage.Chinese)]
    [InlineData("done T017 photos uploaded", "T017", "photos uploaded", ReplyLanguage.English)]
    [InlineData("Done T017", "T017", null, ReplyLanguage.English)]
    [InlineData("<at>CampaignBot</at> 完成 T017 已上传", "T017", "已上传", ReplyLanguage.Chinese)]
    public void Parse_Done_GivesCodeAndNote(string text, string code, string? note, ReplyLanguage language)
    {
        var done = Assert.IsType<DoneCommand>(Parse(text));

        Assert.Equal(code, done.Code);
        Assert.Equal(note, done.Note);
        Assert.Equal(language, done.Language);
    }

    [Theory]
    [InlineData("重开 T017", "T017")]
    [InlineData("撤销完成 T017 误操作", "T017")]
    [InlineData("reopen T017", "T017")]
    public void Parse_Reopen_GivesCode(string text, string code)
    {
        Assert.Equal(code, Assert.IsType<ReopenCommand>(Parse(text)).Code);
    }

    [Theory]
    [InlineData("详情 T017", ReplyLanguage.Chinese)]
    [InlineData("detail T017", ReplyLanguage.English)]
    [InlineData("T017", ReplyLanguage.Chinese)]
    [InlineData("t017", ReplyLanguage.Chinese)]
    public void Parse_Detail_GivesCode(string text, ReplyLanguage language)
    {
        var detail = Assert.IsType<DetailCommand>(Parse(text));

        Assert.Equal("T017", detail.Code);
        Assert.Equal(language, detail.Language);
    }

    [Theory]
    [InlineData("我的任务", ReplyLanguage.Chinese)]
    [InlineData("我的", ReplyLanguage.Chinese)]
    [InlineData("my tasks", ReplyLanguage.English)]
    public void Parse_Mine(string text, ReplyLanguage language)
    {
        Assert.Equal(language, Assert.IsType<MineCommand>(Parse(text)).Language);
    }

    [Theory]
    [InlineData("本单位", null)]
    [InlineData("my office", null)]
    [InlineData("综合组的任务", "综合组")]
    [InlineData("法工委任务", "法工委")]
    [InlineData("单位 材料组", "材料组")]
    [InlineData("office 行政组", "行政组")]
    public void Parse_OfficeTasks_GivesOfficeName(string text, string? office)
    {
        Assert.Equal(office, Assert.IsType<OfficeTasksCommand>(Parse(text)).OfficeName);
    }

    [Theory]
    [InlineData("进度")]
    [InlineData("progress")]
    public void Parse_Progress(string text) => Assert.IsType<ProgressCommand>(Parse(text));

    [Theory]
    [InlineData("本群绑定 综合组", "综合组")]
    [InlineData("绑定 法工委", "法工委")]
    [InlineData("bind 综合组", "综合组")]
    public void Parse_Bind_GivesOffice(string text, string office)
    {
        Assert.Equal(office, Assert.IsType<BindOfficeCommand>(Parse(text)).OfficeName);
    }

    [Theory]
    [InlineData("关联 张伟 29:1abc-def", "张伟", "29:1abc-def")]
    [InlineData("link Zhang Wei user-7", "Zhang Wei", "user-7")]
    public void Parse_Link_GivesPersonAndAccount(string text, string person, string account)
    {
        var link = Assert.IsType<LinkAccountCommand>(Parse(text));

        Assert.Equal(person, link.PersonName);
        Assert.Equal(account, link.AccountId);
    }

    [Theory]
    [InlineData("添加机器人 综合组 钉钉 https://oapi.dingtalk.com/robot/send?access_token=abc SECdef", "综合组", RobotService.DingTalk, "https://oapi.dingtalk.com/robot/send?access_token=abc", "SECdef")]
    [InlineData("添加机器人 材料组 企业微信 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1", "材料组", RobotService.WeCom, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1", null)]
    [InlineData("add robot 综合组 DingTalk https://x.example/send?access_token=a", "综合组", RobotService.DingTalk, "https://x.example/send?access_token=a", null)]
    public void Parse_AddRobot_GivesOfficeKindUrlAndSecret(string text, string office, RobotService kind, string url, string? secret)
    {
        var robot = Assert.IsType<AddRobotCommand>(Parse(text));

        Assert.Equal((office, kind, url, secret), (robot.OfficeName, robot.Kind, robot.Url, robot.Secret));
    }

    [Theory]
    [InlineData("帮助", ReplyLanguage.Chinese)]
    [InlineData("help", ReplyLanguage.English)]
    [InlineData("", ReplyLanguage.Chinese)]
    public void Parse_Help(string text, ReplyLanguage language)
    {
        Assert.Equal(language, Assert.IsType<HelpCommand>(Parse(text)).Language);
    }

    [Theory]
    [InlineData("2月30日到期", "2月30日")]
    [InlineData("due 2026-02-30", "2026-02-30")]
    public void Parse_ImpossibleDate_IsInvalidWithTheUsersWords(string text, string words)
    {
        var invalid = Assert.IsType<InvalidCommand>(Parse(text));

        Assert.Equal(InvalidInput.ImpossibleDate, invalid.Reason);
        Assert.Equal(words, invalid.Detail);
    }

    [Theory]
    [InlineData("progres", "ProgressCommand")]
    [InlineData("帮组", "HelpCommand")]
    public void Parse_Typo_OffersTheClosestCommandFirst(string text, string suggestion)
    {
        Assert.Equal(suggestion, Assert.IsType<UnknownCommand>(Parse(text)).Suggestions[0].GetType().Name);
    }

    /// <summary>
    /// A word typed with another character of the same sound is read as meant (issue 21: 逾其, 完城, 延其);
    /// a change is made when the characters replaced mean nothing to the reader (完城, 延其), and only offered
    /// when one does (T017 弄晚了 may mean "was late": 晚 is a word the reader knows).
    /// </summary>
    [Theory]
    [InlineData("逾其", "OverdueCommand")]
    [InlineData("帮註", "HelpCommand")]
    [InlineData("T017 已经完城了", "DoneCommand")]
    [InlineData("T017 延其到1月15日", "ExtendCommand")]
    [InlineData("T017 弄晚了", "DoneCommand")]
    public void Parse_SoundAlikeTypo_IsReadAsMeant_AndAChangeOnlyOffered(string text, string meant)
    {
        var command = Parse(text);

        var read = command is OfferCommand offer ? offer.Offers.Single() : command;
        Assert.Equal(meant, read.GetType().Name);
        Assert.Equal(text.Contains('晚'), command is OfferCommand);
    }

    [Theory]
    [InlineData("dne T017")]
    [InlineData("完層 T017")]
    public void Parse_TypoOfAChangeBeforeACode_AsksWhichWasMeant(string text)
    {
        var clarify = Assert.IsType<ClarifyCommand>(Parse(text));

        Assert.Equal(new DetailCommand("T017", clarify.Language), clarify.Readings[0]);
        Assert.Equal("T017", Assert.IsType<DoneCommand>(clarify.Readings[1]).Code);
    }

    [Theory]
    [InlineData("dne R01-260630")]
    [InlineData("完層 R01-260630")]
    [InlineData("reopn A-01")]
    public void Parse_TypoOfAChangeBeforeAnyCodeTheReaderKnows_OffersTheCommandWithTheWholeCode(string text)
    {
        var code = text.Split(' ')[1];
        var clarify = Assert.IsType<ClarifyCommand>(Parse(text));

        Assert.Contains(clarify.Readings, r => r is DoneCommand done && done.Code == code || r is ReopenCommand reopen && reopen.Code == code);
    }

    [Theory]
    [InlineData("今天天气怎么样，我们去吃饭吧")]
    [InlineData("SELECT * FROM task; DROP TABLE task;--")]
    public void Parse_Unrelated_IsUnknownOfferingTheCommonQuestions(string text)
    {
        var unknown = Assert.IsType<UnknownCommand>(Parse(text));

        Assert.InRange(unknown.Suggestions.Count, 2, 3);
        Assert.Contains(unknown.Suggestions, s => s is OverdueCommand);
    }

    [Fact]
    public void Parse_HugeText_DoesNotThrow()
    {
        Assert.IsType<UnknownCommand>(Parse(new string('字', 100_000)));
    }
}
