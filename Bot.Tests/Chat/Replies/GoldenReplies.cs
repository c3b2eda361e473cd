using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Chat.Replies;

/// <summary>
/// The replies the golden tests render for every channel, written as handlers write them (through
/// <see cref="TaskItems"/>) on Monday 15 June 2026: a due list with an overdue task, one due today
/// with a long title, and a done task next year whose title is full of markdown; a detail whose
/// note holds a look-alike link; and a report with its chart.
/// </summary>
public static class GoldenReplies
{
    public static readonly DateOnly Today = new(2026, 6, 15);

    public static readonly ReplyTexts Texts = ChineseTexts.Instance.On(Today);

    public const string Trap = "[驳回](https://evil.example) **加急** _资料_ #1 `代码` <font color=red>假</font> | 表 - 列 + 1. 有序 ![图](https://evil.example/p.png) ~删~ \\ 反斜杠";

    private static readonly LedgerTask Overdue = new()
    {
        Code = "T017", Title = "每周五爱国卫生清洁检查", LeadOfficeName = "爱国卫生运动科", CoOfficeNames = "基层卫生健康科", DueOn = Today.AddDays(-3),
    };

    private static readonly LedgerTask DueToday = new()
    {
        Code = "WS-34-261204",
        Title = "每周五爱国卫生清洁行动暨城乡环境卫生整洁行动督查通报与问题整改台账建立（第二批次，含背街小巷、农贸市场、老旧小区）",
        LeadOfficeName = "综合组", CoOfficeNames = "机关党委、办公室", DueOn = Today,
    };

    private static readonly LedgerTask DoneNextYear = new()
    {
        Code = "T024", Title = Trap, LeadOfficeName = "宣传组", DueOn = new DateOnly(2027, 1, 8), Status = TaskStatuses.Done,
        DoneByName = "李明", DoneAt = new DateTimeOffset(2026, 6, 12, 8, 30, 0, TimeSpan.Zero),
    };

    public static ChatReply List() => TaskItems.List(Texts.DueHeader("6月15日至6月21日", "全部单位", 3), [Overdue, DueToday, DoneNextYear], Texts, Today);

    public static ChatReply Detail()
    {
        var evidence = new List<Evidence> { new() { Kind = "note", Note = Trap, ByName = "张伟", At = new DateTimeOffset(2026, 6, 14, 2, 0, 0, TimeSpan.Zero) } };
        var body = Texts.DetailBody(Overdue with { EvaluationItem = "公共环境卫生", OwnerName = "张伟", EvidenceRequired = "检查记录、照片" }, evidence, null, Today, TimeZoneInfo.Utc);
        return new ChatReply(string.Empty) { Items = [TaskItems.Item(Overdue, Texts, Today, body)] };
    }

    public static ChatReply Report() => new("【周通报】6月15日：完成 12/40 项，逾期 3 项\n综合组：完成 5/10，逾期 1\n" + Trap)
    {
        Picture = new ReplyPicture("report.png", TestImages.Png),
    };
}
