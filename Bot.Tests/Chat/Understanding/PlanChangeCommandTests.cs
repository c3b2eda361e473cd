using CampaignBot.Understanding.Commands;
using CampaignBot.Understanding;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>申请延期, 同意/驳回延期, 转办 and 稍后提醒, in Chinese and English, on Monday 15 June 2026.</summary>
public class PlanChangeCommandTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static ChatCommand Parse(string text) => MessageUnderstanding.Understand(text, Today, ReplyLanguage.Chinese, LedgerNames.Empty);

    [Theory]
    [InlineData("申请延期 T017 到 7月15日 理由：场地未落实", "T017", "2026-07-15", "场地未落实")]
    [InlineData("申请延期T017至7月15日，场地未落实", "T017", "2026-07-15", "场地未落实")]
    [InlineData("申请延期 t017 2026-07-15", "T017", "2026-07-15", null)]
    [InlineData("申请延期 R01-260630 到 下周五", "R01-260630", "2026-06-26", null)]
    [InlineData("extend T017 to 2026-07-15 because the venue is not ready", "T017", "2026-07-15", "the venue is not ready")]
    public void Extend_ReadsTheCodeTheNewDayAndTheReason(string text, string code, string day, string? reason)
    {
        var command = Assert.IsType<ExtendCommand>(Parse(text));

        Assert.Equal((code, DateOnly.Parse(day), reason), (command.Code, command.NewDueOn, command.Reason));
    }

    [Theory]
    [InlineData("申请延期 T017 到 2月30日", InvalidInput.ImpossibleDate)]
    [InlineData("申请延期 T017 到 下周", InvalidInput.ImpossibleDate)]
    public void Extend_ToADayThatIsNotOne_IsInvalid(string text, InvalidInput reason)
    {
        Assert.Equal(reason, Assert.IsType<InvalidCommand>(Parse(text)).Reason);
    }

    [Theory]
    [InlineData("同意延期 12", 12, true, null)]
    [InlineData("批准延期 #12", 12, true, null)]
    [InlineData("驳回延期 12 请按期完成", 12, false, "请按期完成")]
    [InlineData("approve extension 12", 12, true, null)]
    [InlineData("reject extension 12 not now", 12, false, "not now")]
    public void Decide_ReadsTheRequestAndTheDecision(string text, long id, bool approve, string? note)
    {
        var command = Assert.IsType<DecideExtensionCommand>(Parse(text));

        Assert.Equal((id, approve, note), (command.RequestId, command.Approve, command.Note));
    }

    [Theory]
    [InlineData("转办 T017 给 材料组", "T017", "材料组")]
    [InlineData("转办T017给孙丽", "T017", "孙丽")]
    [InlineData("reassign T017 to 法工委", "T017", "法工委")]
    public void Reassign_ReadsTheCodeAndTheNewOfficeOrPerson(string text, string code, string to)
    {
        var command = Assert.IsType<ReassignCommand>(Parse(text));

        Assert.Equal((code, to), (command.Code, command.To));
    }

    [Theory]
    [InlineData("稍后提醒 T017 明天", "T017", "2026-06-16")]
    [InlineData("稍后提醒 T017 3天后", "T017", "2026-06-18")]
    [InlineData("稍后提醒T017 后天", "T017", "2026-06-17")]
    [InlineData("稍后提醒 T017 6月20日", "T017", "2026-06-20")]
    [InlineData("snooze T017 tomorrow", "T017", "2026-06-16")]
    [InlineData("remind me about T017 in 3 days", "T017", "2026-06-18")]
    public void Snooze_ReadsTheDayTheReminderComesAgain(string text, string code, string day)
    {
        var command = Assert.IsType<SnoozeCommand>(Parse(text));

        Assert.Equal((code, DateOnly.Parse(day)), (command.Code, command.Day));
    }

    [Theory]
    [InlineData("稍后提醒 T017 今天")]
    [InlineData("稍后提醒 T017 0天后")]
    [InlineData("稍后提醒 T017 6月1日")]
    public void Snooze_ToTodayOrThePast_IsInvalid(string text)
    {
        Assert.IsType<InvalidCommand>(Parse(text));
    }
}
