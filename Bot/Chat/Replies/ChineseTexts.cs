using System.Globalization;
using CampaignBot.Understanding.Commands;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.Replies;

/// <summary>The bot's Chinese. Every Chinese sentence the bot says lives here.</summary>
public sealed class ChineseTexts : ReplyTexts
{
    public static readonly ChineseTexts Instance = new();

    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public override string Help => $"""
        像平时说话一样问我就行，例如：
        · 这周有啥要交的？ / 月底前要报哪些材料？ / 7月份有哪些任务？ / 未来3天到期的
        · 超期的有哪些？ / {OtherOffice}还有啥超期的？ / 全部逾期
        · 我手上还有什么？ / 我们组的任务 / {ExampleOffice}这周的任务
        · T017 什么时候到期？谁在负责？
        · T017 弄完了，照片已上传（可附照片或文件作为佐证） / T017 点错了，请重开
        · 补充佐证 T017（附上照片或文件；完成后 {TaskCompletion.FilesFollowCompletionFor.TotalMinutes:0} 分钟内直接发送照片也可以）
        · 各组进度怎么样？
        · T017 延期到7月15日，理由… / T017 明天再提醒我
        · 订阅我的提醒 / 取消订阅（单聊）
        负责人：T017 转给{OtherOffice}（或 转给{ExamplePerson}）
        领导、协调员：本周通报
        {CoordinatorsLabel}：待审批 / 同意延期 12 / 驳回延期 12 / 本群绑定 {ExampleOffice} / 解除绑定 / 关联 {ExamplePerson} <账号> / 添加机器人 {ExampleOffice} 钉钉 <地址> [加签密钥] / 机器人
        问「T017 完成了吗」只会查看，不会改动台账；拿不准时我会先问你。发送「我是谁」查看你的账号。English works too: type "help".
        """;

    /// <summary>Whom to ask (请…发送): the ledger's coordinators' office, else the role.</summary>
    private string Coordinators => Words.LeadershipOffice ?? "协调员";

    /// <summary>Who may (只有…可以): the coordinators, of the ledger's leadership office where there is one.</summary>
    private string CoordinatorsOfOffice => Words.LeadershipOffice is { } office ? $"{office}的协调员" : "协调员";

    private string CoordinatorsLabel => Words.LeadershipOffice is { } office ? $"协调员（{office}）" : "协调员";
    private string ExampleOffice => Words.Office ?? "<单位>";
    private string OtherOffice => Words.OtherOffice ?? ExampleOffice;
    private string ExamplePerson => Words.Person ?? "<姓名>";

    public override string Welcome => "你好，我是创建工作台账助手。发送「本周到期」看看本周要完成的任务，发送「帮助」查看全部命令。";
    public override string FilesHeldForNextMessage(int count, int minutes) =>
        $"收到 {count} 个文件。请在 {minutes} 分钟内发送「完成 编号」或「补充佐证 编号」（例如：完成 T013），文件将作为该任务的佐证。";

    public override string TurnError => "抱歉，处理这条消息时出错了，请稍后再试；如果一直出错，请联系协调员。";

    public override string DoneButton => "完成";
    public override string DetailButton => "详情";
    public override string ReopenButton => "重开";
    public override string DoneCommand(string code) => $"完成 {code}";
    public override string DetailCommand(string code) => $"详情 {code}";
    public override string ReopenCommand(string code) => $"重开 {code}";

    public override string Date(DateOnly date, DateOnly today) =>
        (date.Year == today.Year ? $"{date.Month}月{date.Day}日" : $"{date.Year}年{date.Month}月{date.Day}日") + " " + Weekdays[(int)date.DayOfWeek];

    public override string Remaining(int daysLeft) => daysLeft switch
    {
        0 => "今天到期",
        > 0 => $"还有 {daysLeft} 天",
        _ => $"逾期 {-daysLeft} 天",
    };

    public override string Window(DateWindow window, DateOnly today) =>
        window.IsSingleDay ? Date(window.From, today) : $"{Short(window.From, today)}至{Short(window.To, today)}";

    private static string Short(DateOnly date, DateOnly today) =>
        date.Year == today.Year ? $"{date.Month}月{date.Day}日" : $"{date.Year}年{date.Month}月{date.Day}日";

    public override string Scope(TaskScope scope) => scope.OfficeName ?? "全部单位";
    public override string CoOffices(string names) => $"（配合：{names}）";
    public override string DoneState => "已完成";
    public override string More(int omitted) => $"……另有 {omitted} 项未列出，请缩小范围（如「今天到期」「本单位」）。";

    public override string DueHeader(string window, string scope, int count) => $"{window} 到期（{scope}）：{count} 项";
    public override string NothingDue(string window, string scope) => $"{window}（{scope}）没有到期的任务。";
    public override string OverdueHeader(string scope, int count) => $"逾期任务（{scope}）：{count} 项";
    public override string NothingOverdue(string scope) => $"{scope}没有逾期任务。";
    public override string MineHeader(string person, int count) => $"{person}负责的未完成任务：{count} 项";
    public override string NothingMine(string person) => $"{person}目前没有未完成的任务。";
    public override string OfficeHeader(string office, int count) => $"{office}的未完成任务：{count} 项";
    public override string NothingForOffice(string office) => $"{office}目前没有未完成的任务。";
    public override string UnknownOffice(string name, IEnumerable<string> known) => $"没有找到单位「{name}」。现有单位：{string.Join("、", known)}。";
    public override string NoOfficeKnown => $"不知道你所在的单位：这个群还没有绑定单位，你的账号也还没有关联人员。请指明单位，例如「{ExampleOffice}的任务」。";
    public override string UnknownAccount(string accountId) => $"还不认识你的账号（{accountId}）。请{Coordinators}发送「关联 你的姓名 {accountId}」。";

    public override string TaskNotFound(string code) => $"没有编号为 {code} 的任务。发送「本周到期」或「本单位」查看任务编号。";

    public override string DetailBody(LedgerTask task, IReadOnlyList<Evidence> evidence, PendingExtension? pending, DateOnly today, TimeZoneInfo zone)
    {
        // One field a line: the card shows each line as a paragraph of its own.
        var lines = new List<string?>
        {
            $"测评项目：{Or(task.EvaluationItem)}",
            $"牵头单位：{task.LeadOfficeName}",
            task.CoOfficeNames.Length > 0 ? $"配合单位：{task.CoOfficeNames}" : null,
            $"责任人：{task.OwnerName ?? $"{task.LeadOfficeName}（未指定个人）"}",
            task.StartsOn is { } s ? $"开始：{Date(s, today)}" : null,
            $"截止：{Date(task.DueOn, today)}",
            task.IsDone
                ? $"状态：已完成（{task.DoneByName}，{Local(task.DoneAt!.Value, zone)}）"
                : $"状态：未完成，{Remaining(task.DueOn.DayNumber - today.DayNumber)}",
            pending is null ? null : $"延期申请 #{pending.Id} 待审批：至 {Date(pending.NewDueOn, today)}（{pending.AskerName}申请）",
            $"佐证材料要求：{Or(task.EvidenceRequired)}",
            $"已有佐证：{evidence.Count} 项",
        };
        lines.AddRange(evidence.TakeLast(3).Select(e => $"  - {EvidenceLine(e)}（{e.ByName}，{Local(e.At, zone)}）"));
        return string.Join("\n", lines.OfType<string>());
    }

    private static string EvidenceLine(Evidence e) => e.Kind switch
    {
        "note" => $"说明：{e.Note}",
        _ => $"附件：{e.Name ?? e.Url}",
    };

    private static string Or(string text) => text.Length > 0 ? text : "（未填写）";

    private string Local(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString(local.Year == Today.Year ? "M月d日 HH:mm" : "yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
    }

    public override string MarkedDone(LedgerTask task, int evidenceAdded) =>
        $"已完成：{task.Code} {task.Title}" + (evidenceAdded > 0
            ? $"，记录佐证 {evidenceAdded} 项。"
            : $"。如有照片或文件，请在 {TaskCompletion.FilesFollowCompletionFor.TotalMinutes:0} 分钟内直接发送，或发送「补充佐证 {task.Code}」并附上。");

    public override string AlreadyDone(LedgerTask task, TimeZoneInfo zone) =>
        $"{task.Code} 已经完成了（{task.DoneByName}，{Local(task.DoneAt!.Value, zone)}），无需重复标记。如需补充照片或文件，请发送「补充佐证 {task.Code}」并附上。";

    public override string AlreadyDoneEvidenceAdded(LedgerTask task, int added, TimeZoneInfo zone) =>
        $"{task.Code} 已经完成了（{task.DoneByName}，{Local(task.DoneAt!.Value, zone)}），这次发来的 {added} 项已作为佐证补充。";

    public override string EvidenceFollowsCompletion(LedgerTask task, int added) =>
        $"已为刚完成的 {task.Code} {task.Title} 补充佐证 {added} 项。如果不是这项任务的，请发送「撤回佐证 编号」（「佐证 {task.Code}」可查看编号）。";

    public override string FilesWithoutTask(int count, int minutes) =>
        $"收到 {count} 个文件，但不知道是哪项任务的佐证（你在这里 {minutes} 分钟内没有标记完成任务）。请附上文件发送「补充佐证 编号」或「完成 编号」，例如：补充佐证 T017。";

    public override string Reopened(LedgerTask task) => $"已重开：{task.Code} {task.Title}，恢复为未完成。";
    public override string AlreadyOpen(LedgerTask task) => $"{task.Code} 本来就是未完成状态。";
    public override string NotPermitted(LedgerTask task) =>
        $"你不在 {task.Code} 的牵头或配合单位，不能更改它。请联系{task.LeadOfficeName}或{Coordinators}。";
    public override string ExtensionRequested(LedgerTask task, DateOnly newDue, long id, bool coordinatorsTold, DateOnly? askedFor = null) =>
        $"已提交延期申请 #{id}：{task.Code} 截止日期 {Date(task.DueOn)} → {Date(newDue)}"
        + (askedFor is { } asked ? $"（{Date(asked)}不是工作日，顺延到下一个工作日）" : "")
        + "，等待协调员审批。"
        + (coordinatorsTold ? "" : "（还没有协调员能收到这条申请：协调员给我发一条消息后即可收到，现在请直接告诉协调员。）");
    public override string ExtensionNotice(string asker, LedgerTask task, DateOnly newDue, string? reason, long id) =>
        $"【延期申请】#{id} {asker}（{task.LeadOfficeName}）申请延期\n{task.Code} {task.Title}\n截止 {Date(task.DueOn)} → {Date(newDue)}"
        + (reason is null ? "" : $"；理由：{reason}");
    public override string ExtensionNotLater(LedgerTask task) => $"新的截止日期须晚于 {task.Code} 现在的截止日期（{Date(task.DueOn)}）。";
    public override string ExtensionNotPermitted(LedgerTask task) => $"只有{task.LeadOfficeName}（牵头单位）的人员或协调员可以为 {task.Code} 申请延期。";
    public override string ExtensionPending(LedgerTask task, long id) => $"{task.Code} 已有待审批的延期申请 #{id}。";
    public override string ExtensionNotFound(long id) => $"没有编号为 #{id} 的延期申请。";
    public override string ExtensionAlreadyDecided(long id, bool approved) => $"延期申请 #{id} 已经{(approved ? "同意" : "驳回")}过了。";
    public override string OnlyCoordinatorsDecide => "只有协调员可以审批延期申请。";
    public override string PendingHeader(int count) => $"待审批的延期申请：{count} 项（点「同意」或「驳回」，或发送「同意延期 编号」「驳回延期 编号 意见」）";
    public override string NothingPending => "没有待审批的延期申请。";
    public override string PendingLine(PendingExtension request) =>
        $"{request.AskerName}（{request.AskerOfficeName}）申请：截止 {Date(request.OldDueOn)} → {Date(request.NewDueOn)}" + (request.Reason is null ? "" : $"；理由：{request.Reason}");
    public override string PendingCoordinatorsOnly => $"只有{CoordinatorsOfOffice}可以查看和审批延期申请。";
    public override string ExtensionDecided(long id, bool approve, LedgerTask task, DateOnly newDue) =>
        approve ? $"已同意延期申请 #{id}：{task.Code} 截止日期改为 {Date(newDue)}，提醒随之调整。" : $"已驳回延期申请 #{id}（{task.Code}）。";
    public override string ExtensionDecisionNotice(long id, bool approve, LedgerTask task, DateOnly newDue, string decider, string? note) =>
        (approve ? $"【延期审批】#{id} 已同意：{task.Code} {task.Title} 截止日期改为 {Date(newDue)}（{decider}）"
                 : $"【延期审批】#{id} 未同意：{task.Code} {task.Title} 仍于 {Date(task.DueOn)} 截止（{decider}）")
        + (note is null ? "" : $"；{note}");
    public override string ApproveButton => "同意";
    public override string RejectButton => "驳回";
    public override string ApproveCommand(long id) => $"同意延期 {id}";
    public override string RejectCommand(long id) => $"驳回延期 {id}";
    public override string Reassigned(LedgerTask task) =>
        $"已转办：{task.Code} {task.Title} 改由{task.LeadOfficeName}牵头" + (task.OwnerName is null ? "。" : $"，责任人{task.OwnerName}。");
    public override string ReassignNotice(LedgerTask task, string fromOffice, string by) =>
        $"【转办】{task.Code} {task.Title}：由{fromOffice}转交{task.LeadOfficeName}" + (task.OwnerName is null ? "" : $"（责任人{task.OwnerName}）") + $"，截止 {Date(task.DueOn)}。经办：{by}";
    public override string ReassignTargetUnknown(string name) => $"不认识「{name}」：请写单位名称（或简称）或人员姓名。";
    public override string OnlyLeadsReassign(LedgerTask task) => $"只有{task.LeadOfficeName}的负责人或协调员可以转办 {task.Code}。";
    public override string ReassignUnchanged(LedgerTask task) => $"{task.Code} 已经由{task.LeadOfficeName}牵头" + (task.OwnerName is null ? "。" : $"（责任人{task.OwnerName}）。");
    public override string Snoozed(LedgerTask task, DateOnly day, TimeOnly at, DateOnly? replaced = null, DateOnly? askedFor = null) =>
        $"好的，{Date(day)} {at:HH\\:mm} 在这里再提醒 {task.Code}。"
        + (askedFor is { } asked ? $"（{Date(asked)}不是工作日，顺延到下一个工作日）" : "")
        + (replaced is { } earlier ? $"（取代之前设定的 {Date(earlier)}）" : "");
    public override string SnoozeTooFar(int maxDays, DateOnly latest) => $"稍后提醒最多 {maxDays} 天，最晚到 {Date(latest)}。请换一个更近的日期。";
    public override string DeadlineTooFar(LedgerTask task, DateOnly latest) => $"{task.Code} 的截止日期最晚可设为 {Date(latest)}，请换一个更近的日期。";
    public override string TaskAlreadyDone(LedgerTask task) => $"{task.Code} 已经完成了。";
    public override string RemindersOff => "这里没有开启定时提醒（Reminders:Enabled），无法稍后提醒。";
    public override string UnknownPersonCannotChange(string accountId) =>
        $"你的账号（{accountId}）还没有关联人员，只能查询，不能更改任务。请{Coordinators}发送「关联 你的姓名 {accountId}」。";

    public override string ProgressHeader(DateOnly today, int done, int total, int overdue) =>
        $"创建进度（截至{Date(today)}）：完成 {done}/{total}，逾期 {overdue} 项";
    public override string SeriesHeader => "周期任务（已办/应办）：";
    public override string SeriesLine(SeriesProgress series) => $"{series.Title}（{series.Rule}）：{series.Done}/{series.DueSoFar}" + (series.DueSoFar < series.Total ? $"，共 {series.Total} 次" : "");
    public override string ProgressLine(OfficeProgress office) =>
        $"{office.OfficeName}：{office.Done}/{office.Total}" + (office.Overdue > 0 ? $"，逾期 {office.Overdue}" : "");
    public override string NoTasks => $"台账里还没有任务。请{Coordinators}导入实施方案。";

    public override string CoordinatorsOnly => $"只有{CoordinatorsOfOffice}可以这样做。";
    public override string BindOnlyInGroup =>
        "只有群聊可以绑定单位：请在单位的工作群里 @我 发送「本群绑定 单位名」。没有工作群也可以：单位的到期提醒会发到任务责任人和单位负责人与我的单聊里，"
        + "延期申请等通知发到协调员的单聊，通报发到领导的单聊；他们只要给我发过一条消息（账号已关联）即可。";
    public override string Bound(string office) => $"本群已绑定到{office}：本单位的到期提醒会发到这里。";
    public override string AlreadyBound(string office) => $"本群已经绑定在{office}。";
    public override string Unbound => "本群已解除单位绑定。";
    public override string NotBound => "本群没有绑定单位。";
    public override string Linked(string accountId, Person person) => $"已将账号 {accountId} 关联到{person.Name}（{person.OfficeName}）。";
    public override string AlreadyLinked(string accountId, Person person) => $"账号 {accountId} 已经关联在{person.Name}名下。";
    public override string UnknownPerson(string name) => $"台账里没有人员「{name}」。请先在实施方案的「人员」表中加入并导入。";

    public override string WhoAmI(string accountId, Person? person, string? boundOffice) =>
        (person is null ? $"你的账号：{accountId}，尚未关联人员。" : $"你的账号：{accountId}，{person.Name}，{person.OfficeName}，{RoleName(person.Role)}。")
        + (boundOffice is null ? "" : $"本群绑定：{boundOffice}。");

    private static string RoleName(string role) => role switch
    {
        Roles.Coordinator => "协调员",
        Roles.Leader => "领导",
        Roles.Lead => "负责人",
        _ => "成员",
    };

    public override string ReminderHeader(string audience, DateOnly day, int count) => $"【到期提醒】{audience} {Date(day)}：{count} 项任务需要关注";
    public override string EscalationHeader(int count, int workdays) => $"【督办】{count} 项任务已逾期 {workdays} 个工作日，请督促办理";
    public override string EscalationTag => "【督办】";
    public override string ReportTitle(DateOnly day, int done, int total, int overdue) =>
        $"【通报】创建工作进展（{Date(day)}）：完成 {done}/{total}，逾期 {overdue} 项";
    public override string ReportLeadersAndCoordinatorsOnly => $"本周通报只发给领导和{CoordinatorsOfOffice}。发送「进度」可以查看各单位的完成情况。";
    public override string ReportChartTitle(DateOnly day) => $"各单位完成情况（截至{Date(day)}）";
    public override string ReportChartFile => "各单位完成情况.png";
    public override string ReportChartAxis => "牵头任务数（绿：已完成，红：逾期，灰：进行中）";
    public override string ReportChartOverdue(int count) => $"逾期 {count}";
    public override string ReportOverdue(int count) => count == 0 ? "逾期任务：无" : $"逾期任务 {count} 项：";
    public override string ReportDueThisWeek(int count) => count == 0 ? "本周到期：无" : $"本周到期 {count} 项：";
    public override string ReportFailed(int count) => $"上周有 {count} 条提醒未能送达：";
    public override string ReportFailedLine(string chat, bool gone, int count) =>
        $"{chat}（{(gone ? "已无法送达" : "未能送达")}" + (count > 1 ? $"，共 {count} 条）" : "）");
    public override string ReportUnreachable(IReadOnlyList<string> offices) =>
        $"提醒无法送达的单位 {offices.Count} 个（没有绑定群聊或机器人，责任人和负责人也还没有与我单聊）：{string.Join("、", offices)}。"
        + "请在该单位的群里发送「本群绑定 单位名称」、添加机器人，或请其负责人给我发一条消息。";
    public override string HolidayTableEnding(int lastYear) =>
        $"【提醒】节假日安排表只到 {lastYear} 年：{lastYear + 1} 年的放假和调休还没有载入，到时提醒会照常在法定假日发出、在调休上班日停发。"
        + $"国务院办公厅公布 {lastYear + 1} 年的安排后，请管理机器人的同事把它整理成 CSV（三列：日期、类型（休 或 班）、名称，例如 {lastYear + 1}-01-01,休,元旦），"
        + "在服务器上运行 workdays load 文件名.csv 载入（说明见 docs/reminders.md）。载入后不再提醒。";
    public override string ReportReachedThroughPeople(IReadOnlyList<string> offices) =>
        $"通过个人会话送达的单位 {offices.Count} 个（没有绑定群聊，提醒发到责任人和负责人的单聊）：{string.Join("、", offices)}。";
    public override string ChatRemoved(string chat, string? office) =>
        $"【提醒】{chat}已无法送达（机器人已被移出或会话已删除）" + (office is null ? "，不再往那里发送。" : $"，已解除它与{office}的绑定。请在{office}的新工作群发送「本群绑定 {office}」；在此之前，{office}的提醒发到其责任人和负责人的单聊。");
    public override string GroupChatName(string? office, string? title) =>
        (office is null ? "" : $"{office}的") + "群聊" + (title is null ? "" : $"「{title}」");
    public override string PersonalChatName(string? person) => person is null ? "一个单聊" : $"{person}的单聊";
    public override string RobotName(string office) => $"{office}的群机器人";
    public override string UnknownChatName => "一个已无法识别的会话";
    public override string Subscribed(string person) =>
        $"已订阅：{person}负责的任务到期时，提醒会发到这里（单位群里有提醒也照发）。发送「退订」停止所有单聊提醒、通知和通报。";
    public override string AlreadySubscribed(string person) => $"这里已经订阅了{person}的任务提醒。";
    public override string Unsubscribed => "已退订：不再给你的单聊发送提醒、通知和通报。发送「订阅我的提醒」恢复。";
    public override string NotSubscribed => "你已经退订了，单聊里不会收到提醒、通知和通报。发送「订阅我的提醒」恢复。";
    public override string SubscribeInPersonalChatOnly => "个人提醒只能在与我的单聊中订阅。";
    public override string RobotAdded(long id, string office, RobotKind kind, string maskedUrl, string? maskedSecret) =>
        $"已为{office}添加{(kind == RobotKind.DingTalk ? "钉钉" : "企业微信")}机器人 #{id}：{maskedUrl}" + (maskedSecret is null ? "" : $"，加签密钥 {maskedSecret}") + $"。{office}的到期提醒也会推送到该群。";
    public override string RobotLine(long id, string office, RobotKind kind, string maskedUrl, bool signed, bool fromConfiguration) =>
        $"#{id} {office} · {(kind == RobotKind.DingTalk ? "钉钉" : "企业微信")} · {maskedUrl}{(signed ? " · 已加签" : "")}{(fromConfiguration ? " · 来自配置文件" : "")}";
    public override string RobotsHeader(int count) => count == 0 ? $"还没有群机器人。{Coordinators}可发送「添加机器人 单位 钉钉|企业微信 地址 [加签密钥]」。" : $"群机器人 {count} 个：";
    public override string RobotUrlNotAllowed(string maskedUrl, IEnumerable<string> allowedBases) =>
        $"未添加：机器人地址 {maskedUrl} 不在允许范围内。地址须以下列之一开头：{string.Join("、", allowedBases)}（其他网关请由管理员配置 RobotWebhooks:AllowedBaseUrls）。";
    public override string AttachmentsRefused(IReadOnlyList<RefusedAttachment> refused) =>
        "以下附件未记为佐证：" + string.Join("；", refused.Select(r => $"「{r.Name}」" + r.Reason switch
        {
            AttachmentRefusal.NotAWebLink => "不是 http/https 链接",
            AttachmentRefusal.NotYourUpload => "不是您在本对话中上传的文件",
            _ => "无法读取",
        })) + "。";
    public override string EvidenceLostNotice(string code, string title, string fileName) =>
        $"【佐证缺失】{code} {title}：文件「{fileName}」多次取回失败，未能保存。请重新发送：补充佐证 {code}（附上文件）。";
    public override string EvidenceFilesKept(IReadOnlyList<(string Name, string State, string? Reason)> files) =>
        files.Count == 0 ? "" : "佐证文件：" + string.Join("；", files.Select(f => $"「{f.Name}」" + f.State switch
        {
            "stored" => "已保存",
            "pending" => "暂未取回，将自动重试",
            "failed" => "未能取回",
            _ => f.Reason == "too-large" ? "超过大小上限，未保存" : "内容与声明的类型不符，未保存",
        })) + "。";
    public override string ReportLostEvidence(IReadOnlyList<(string Code, string Title, string FileName)> lost) =>
        string.Join("\n", lost.Take(20).Select(f => $"· {f.Code} {f.Title}「{f.FileName}」").Prepend($"佐证文件未能保存：{lost.Count} 个（请相关单位发送「补充佐证 编号」重新提交）"));
    public override string EvidenceListHeader(LedgerTask task, int count) =>
        count == 0 ? $"{task.Code} {task.Title}：还没有佐证材料。" : $"{task.Code} {task.Title}：佐证材料 {count} 项";
    public override string EvidenceListLine(Evidence evidence, TimeZoneInfo zone) =>
        $"#{evidence.Id} " + (evidence.Kind == "note" ? $"说明：{evidence.Note}" : $"{evidence.Name ?? evidence.Url}") + evidence.FileState switch
        {
            "stored" => " · 已保存",
            "pending" => " · 待取回",
            "failed" => " · 未能取回",
            "refused" => " · 未保存",
            _ => evidence.Kind == "note" ? "" : " · 链接",
        } + $"（{evidence.ByName}，{Local(evidence.At, zone)}）";
    public override string EvidenceAdded(LedgerTask task, int added) => $"已为 {task.Code} {task.Title} 补充佐证 {added} 项。";
    public override string EvidenceWithdrawn(long id, LedgerTask task) => $"已撤回佐证 #{id}（{task.Code}），记录保留在审计中。";
    public override string EvidenceNotFound(long id) => $"没有找到佐证 #{id}。发送「佐证 任务编号」查看编号。";
    public override string EvidenceNotYours(long id) => $"佐证 #{id} 只能由提交人或{Coordinators}撤回。";
    public override string NothingToAdd(string code) => $"请附上文件，或写明说明：补充佐证 {code} 说明文字。";
    public override string RobotDoneHint(string? chatUrl, string exampleCode) =>
        chatUrl is null
            ? $"完成后请在与创建工作台账助手的对话中发送「完成 {exampleCode}」（可附照片），本群机器人无法接收回复。"
            : $"完成后请打开 [创建工作台账助手]({chatUrl}) 发送「完成 {exampleCode}」（可附照片），本群机器人无法接收回复。";

    public override string ImpossibleDate(string words) => $"日期「{words}」不存在，请检查月份和日期。";
    public override string ReversedRange(string words) => $"日期范围「{words}」的结束早于开始。";

    public override string NotUnderstood(IReadOnlyList<string> tries) =>
        "没太明白。" + (tries.Count > 0 ? $"可以试试：「{string.Join("」「", tries)}」，" : "") + "或发送「帮助」看看能怎么问。";

    public override ReplyLanguage Language => ReplyLanguage.Chinese;

    public override string UndoButton(string code) => $"撤销 {code}";

    public override string Undone(LedgerTask task, string action, int evidenceWithdrawn) => action switch
    {
        "task.done" => $"已撤销：{task.Code}「{task.Title}」恢复为未完成" + (evidenceWithdrawn > 0 ? $"，同时撤回这次记录的佐证 {evidenceWithdrawn} 项。" : "。"),
        "evidence.add" => $"已撤销：{task.Code} 这次补充的佐证 {evidenceWithdrawn} 项已撤回。",
        "task.reopen" => $"已撤销：{task.Code}「{task.Title}」恢复为已完成。",
        "extension.request" => $"已撤销：{task.Code} 的延期申请已撤回，截止日期仍为 {Date(task.DueOn)}。",
        "task.reassign" => $"已撤销：{task.Code} 交回{task.LeadOfficeName}" + (task.OwnerName is { } owner ? $"（责任人 {owner}）。" : "。"),
        "task.snooze" => $"已撤销：{task.Code} 的稍后提醒已取消。",
        _ => $"已撤销 {task.Code} 的这次更改。",
    } + "两步都记在台账的变更记录里。";

    public override string UndoNotFound(long changeId) => $"找不到可撤销的更改 #{changeId}。";
    public override string UndoNotPermitted(LedgerTask task) => $"只有做这次更改的人或协调员可以撤销 {task.Code} 的更改。";
    public override string UndoSuperseded(LedgerTask task) => $"{task.Code} 在这次更改之后又有了新的变动（或已撤销过），不能再撤销这一步；请发送「详情 {task.Code}」查看现状后直接更正。";
    public override string UndoNotPossible(LedgerTask task) => $"{task.Code} 的这次更改已无法撤销（例如延期申请已经审批）；请发送「详情 {task.Code}」查看现状。";
    public override string ExtensionWithdrawn(long requestId) => $"延期申请 #{requestId} 已由申请人撤回，无需审批。";
    public override string ExtensionNoLongerLater(long requestId, LedgerTask task, DateOnly asked) =>
        $"未批准延期申请 #{requestId}：{task.Code} 的截止日期已是 {Date(task.DueOn)}（计划导入后），不早于申请的 {Date(asked)}，批准会把它提前。如仍需延后，请驳回后重新申请。";

    public override string ModelSuggested(IReadOnlyList<string> readings) =>
        $"你是想「{string.Join("」，还是「", readings)}」吗？点按钮确认（点之前什么也没改），或发送「帮助」看看能怎么问。";

    public override string ModelInferred(string reading) => $"（这是按推测的理解「{reading}」回答的；不对的话请换个说法。）";

    public override string ChangeOffered(IReadOnlyList<string> offers) =>
        $"我没有改动台账。如果要「{string.Join("」或「", offers)}」，请点下面的按钮。";

    public override string SmallTalk(SmallTalkKind kind) => kind switch
    {
        SmallTalkKind.Greeting => "您好！想知道要交什么，可以问我「本周到期」「我的任务」「逾期」，或发「帮助」。",
        SmallTalkKind.Thanks => "不客气！还有要查的随时问我，比如「本周到期」。",
        SmallTalkKind.Wishes => "谢谢，也祝您一切顺利！需要时问我「本周到期」就行。",
        _ => "好的。需要时可以问我「本周到期」或「我的任务」。",
    };

    public override string Clarify(IReadOnlyList<string> readings) => $"你是想「{string.Join("」，还是「", readings)}」？请点按钮，或直接发送其中一句。";

    public override string CommandText(ChatCommand command) => command switch
    {
        HelpCommand => "帮助",
        WhoAmICommand => "我是谁",
        ProgressCommand => "进度",
        MineCommand => "我的任务",
        ListRobotsCommand => "机器人",
        UnbindCommand => "解除绑定",
        SubscribeCommand { Subscribe: true } => "订阅我的提醒",
        SubscribeCommand => "取消订阅",
        DueCommand due => $"{ScopeWords(due)}{due.Window.From:yyyy-MM-dd}至{due.Window.To:yyyy-MM-dd}到期",
        OverdueCommand overdue => $"{ScopeWords(overdue)}逾期",
        OfficeTasksCommand { OfficeName: null } => "本单位",
        OfficeTasksCommand office => $"{office.OfficeName}的任务",
        DetailCommand detail => DetailCommand(detail.Code),
        DoneCommand done => DoneCommand(done.Code),
        ReopenCommand reopen => ReopenCommand(reopen.Code),
        // The reason goes with the button (an extension read from words keeps why it was asked).
        ExtendCommand { ByDays: { } days } extend => $"申请延期 {extend.Code} 推迟 {days} 天" + (extend.Reason is { } why ? $"，理由：{why}" : ""),
        ExtendCommand extend => $"申请延期 {extend.Code} 到 {extend.NewDueOn:yyyy-MM-dd}" + (extend.Reason is { } reason ? $"，理由：{reason}" : ""),
        SnoozeCommand snooze => $"稍后提醒 {snooze.Code} {snooze.Day:yyyy-MM-dd}",
        ReassignCommand reassign => $"转办 {reassign.Code} 给 {reassign.To}",
        DecideExtensionCommand decide => decide.Approve ? ApproveCommand(decide.RequestId) : RejectCommand(decide.RequestId),
        BindOfficeCommand bind => $"本群绑定 {bind.OfficeName}",
        LinkAccountCommand link => $"关联 {link.PersonName} {link.AccountId}",
        UndoCommand undo => $"撤销操作 {undo.ChangeId}",
        ReportCommand => "本周通报",
        PendingExtensionsCommand => "待审批",
        _ => "帮助",
    };

    private static string ScopeWords(ScopedCommand command) =>
        command.OfficeName ?? (command.OwnOffice ? "本单位" : command.WholeCampaign ? "全部" : "");

    public override string ButtonLabel(ChatCommand command, DateOnly today) => command switch
    {
        DetailCommand detail => $"查看 {detail.Code}",
        DoneCommand done => $"标记 {done.Code} 完成",
        DueCommand due => $"{ScopeWords(due)}{Window(due.Window, today)}到期",
        OverdueCommand overdue => $"{ScopeWords(overdue)}逾期任务",
        ExtendCommand { ByDays: { } days } extend => $"申请延期 {extend.Code} 推迟{days}天",
        ExtendCommand extend => $"申请延期 {extend.Code} 到 {Short(extend.NewDueOn, today)}",
        SnoozeCommand snooze => $"{Short(snooze.Day, today)}再提醒 {snooze.Code}",
        _ => CommandText(command),
    };
}
