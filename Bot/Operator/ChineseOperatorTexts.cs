using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Robots;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Ledger;

namespace CampaignBot.Operator;

public sealed class ChineseOperatorTexts : OperatorTexts
{
    public static readonly ChineseOperatorTexts Instance = new();

    private ChineseOperatorTexts()
    {
    }

    public override ReplyTexts Replies => ChineseTexts.Instance;

    /// <summary>An operator's dates always carry their year: the output may be read or kept later.</summary>
    private static string Date(DateOnly date) => ChineseTexts.Instance.Date(date, DateOnly.MinValue);

    public override string NoFile(string verb, string path) => $"{verb} 未执行：没有找到文件 {path}";
    public override string Failed(string verb, string reason) => $"{verb} 未执行：{reason}";
    public override string RefusedFile(int errors) => $"导入未执行：{errors} 处错误，台账未做任何修改。";
    public override string MoreErrors(int omitted) => $"  … 另有 {omitted} 处错误未列出。";
    public override string PortBusy(string address) =>
        $"机器人未启动：{address} 已被另一个程序占用（可能是已在运行的机器人）。请先停止它，或用 --urls 换一个地址；台账未做任何修改。";

    public override string SendTime(DateTimeOffset local, string zone) => $"{Date(DateOnly.FromDateTime(local.DateTime))} {local:HH\\:mm}（{zone}）";
    public override string PreviewHeader(string sendTime, bool next, int reminders, int chats) =>
        (next ? $"下一次发送：{sendTime}" : $"发送时间 {sendTime}") + (reminders == 0 ? "，没有要发的提醒。" : $"，{reminders} 条提醒，发往 {chats} 个会话：");
    public override string NoSendTimeBefore(int days) => $"此前 {days} 天内没有发送时间（提醒只在工作日发送）。";
    public override string NoSendTimeAfter(int days) => $"此后 {days} 天内没有发送时间（工作日历中没有工作日）。";

    public override string ChannelName(string channelId) => channelId switch
    {
        "msteams" => "Teams",
        "directline" or "webchat" => "网页聊天",
        "dingtalk" => "钉钉",
        "wecom" => "企业微信",
        "emulator" => "Bot Framework Emulator",
        _ => channelId,
    };

    public override string Chat(ConversationRecord? chat, string conversationId) => chat switch
    {
        null => $"会话 {conversationId}（已不在台账中）",
        { BoundOfficeName: { } office } => $"{office}的{(chat.IsGroup ? "群聊" : "会话")}（{ChannelName(chat.ChannelId)}）",
        { BoundPersonName: { } person } => $"{person}的单聊（{ChannelName(chat.ChannelId)}）",
        _ => $"会话 {conversationId}（{ChannelName(chat.ChannelId)}）",
    };

    public override string Robot(Robot? robot, long id) =>
        robot is null ? $"群机器人 #{id}（已删除）" : $"{robot.OfficeName}的{(robot.IsDingTalk ? "钉钉" : "企业微信")}群机器人";

    public override string Kind(string kind) => kind switch
    {
        ReminderKinds.Report => "每周通报",
        ReminderKinds.Escalation => "督办",
        "due-0" => "今天到期",
        "due-1" => "明天到期",
        _ when kind.StartsWith("due-", StringComparison.Ordinal) => $"{kind[4..]} 天后到期",
        _ when kind.StartsWith("overdue-", StringComparison.Ordinal) => $"逾期第 {kind[8..]} 个工作日",
        _ => kind,
    };

    public override string ReminderLine(string kind, string code, string title, DateOnly due, string office) =>
        $"  {kind}：{code} {title}（{Date(due)}截止，{office}牵头）";
    public override string ReportFollows => "  每周通报（按现在的台账写成；发送时按当时的台账重写）：";
    public override string Unreached(int tasks, int offices) =>
        $"没有群聊、机器人或个人会话可以送达：{offices} 个单位的 {tasks} 项任务。请在该单位的工作群发送「本群绑定 单位名称」、添加群机器人，或请任务责任人或单位负责人给机器人发一条消息；仍有用的提醒会在下一次发送时送出。";
    public override string ThroughPeople(int offices) => $"通过个人会话送达（没有绑定群聊，发到责任人和负责人的单聊）：{offices} 个单位";
    public override string ThroughPeopleOffice(string office, int reminders, IReadOnlyList<string> people) => $"{office}：{reminders} 条提醒，发给 {string.Join("、", people)}";
    public override string UnreachedOffice(string office, int tasks) => $"{office}：{tasks} 项任务";
    public override string UnreachedTask(string kind, string code, string title, DateOnly due) => $"  {code} {title}（{Date(due)}截止，{kind}）";

    public override string RunSummary(int sendDays, int enqueued, int dropped) =>
        (sendDays switch
        {
            0 => "没有新的发送时间要安排",
            1 => $"已安排本次发送：新提醒 {enqueued} 条",
            _ => $"已补上 {sendDays} 个错过的发送时间：新提醒 {enqueued} 条",
        })
        + (dropped > 0 ? $"，{dropped} 条已过时，不再发送" : "") + "。";

    public override string Delivered(int sent, int failed, int cancelled, int gone) =>
        $"已发出消息 {sent} 条"
        + (failed > 0 ? $"，{failed} 条未能送达（下次每周通报会列出）" : "")
        + (cancelled > 0 ? $"，{cancelled} 条已不需要（任务已完成或已改期）" : "")
        + (gone > 0 ? $"，{gone} 个会话已移除机器人（已告知协调员）" : "") + "。";

    public override string BotUnreachable(string address) =>
        $"reminders run 未执行：网页聊天的提醒要经由正在运行的机器人发出，但连接不上 {address}。请先启动机器人；如果它在别的地址监听，请把 DirectLine:ConnectorBaseUrl 设为该地址（例如环境变量 DirectLine__ConnectorBaseUrl=http://127.0.0.1:5417）。";

    public override string ReportFileName(DateOnly day) => $"通报-{day:yyyy-MM-dd}";
    public override string ReportWritten(string text, string? chart) =>
        $"每周通报已写入：{text}" + (chart is null ? "。" : $"，图表：{chart}");

    public override string NoMisses(int days) => $"最近 {days} 天没有机器人读不懂的消息。";
    public override string MissesHeader(int days) => $"最近 {days} 天机器人没读懂的消息，出现多的在前（“追问”：机器人给出两种理解请对方选）：";
    public override string MissColumns => "次数  结果    最近一次          渠道  原文";
    public override string MissOutcome(string outcome) => outcome == "asked" ? "追问" : "没读懂";
    public override string TapRatesHeader => "语言模型的建议（按意图）：给出按钮的次数、被点的次数、点击率：";
    public override string TapRate(string intent, int offered, int tapped) => $"  {intent,-13} {offered,5} {tapped,5}  {(offered == 0 ? 0 : 100.0 * tapped / offered):0}%";
    public override string UnusedSuggestionsHeader => "模型建议被检查拒绝或没人点的消息（可补进语料）：";
    public override string UnusedSuggestion(string status, string text, string? suggestion, string? note) =>
        $"  {(status == "refused" ? "拒绝" : "没点"),-4} {text.ReplaceLineEndings(" ")}" + (suggestion is null ? "" : $"  → {suggestion.ReplaceLineEndings(" | ")}") + (note is null ? "" : $"  （{note}）");
    public override string MissesFooter => "请把这份清单转给机器人的维护人员：他们把值得读懂的说法加进语料、教给机器人（做法见 docs/understanding.md）。";

    public override string WorkdaysLoaded(int daysOff, int workdays) => $"工作日历已更新：{daysOff} 天休息，{workdays} 天调休上班。";
    public override string NoSample => "示例活动不在台账中，无需移除。";
    public override string SampleKept => "未移除示例活动：台账中有不属于示例的数据，台账未做任何修改。";
    public override string SampleRemoved(int tasks, int offices, int people, int chats, int transcripts) =>
        $"已移除示例活动：任务 {tasks}，单位 {offices}，人员 {people}，会话 {chats}，网页聊天记录 {transcripts}。数据库文件、工作日历和审计记录保留；下一步：import <实施方案>。";
    public override string Exported(int tasks, string path) => $"导出完成：{tasks} 项任务 → {path}";
    public override string BinderWritten(int items, int tasks, int files, string path) => $"佐证材料汇编：{items} 个测评项目，{tasks} 项任务，{files} 个文件 → {path}";
    public override string BinderFilesChanged(int files, string indexName) => $"  注意：{files} 个文件的内容与保存时的 SHA-256 不符（已打包现有内容，并在{indexName}的备注中注明）；请运行 evidence verify：";
    public override string BinderActiveFilesRenamed(int files, string indexName) => $"  {files} 个网页或脚本类文件已加 .txt 后缀（打开只显示文本、不会运行），见{indexName}的备注。";
    public override string BinderFilesMissing(int files, string notesName) => $"  {files} 个文件在存储中缺失，已在各任务的{notesName}中注明；请运行 evidence verify。";
    public override string EvidenceFileProblem(bool missing, long id, string name, string sender, string sha256) =>
        $"  {(missing ? "缺失" : "已改变")}：#{id} {name}（{sender}，{sha256}）";
    public override string EvidenceVerified(int files, int problems) =>
        problems == 0 ? $"佐证文件校验：{files} 个文件完好。" : $"佐证文件校验：{files} 个文件中 {problems} 个缺失或已改变（见上）。";
    public override string BackupFolderNotEmpty(string folder) => $"backup 未执行：{folder} 不是空文件夹；备份要放进新的或空的文件夹。";
    public override string BackupDone(int files, string folder) => $"备份完成：台账、调度存储和 {files} 个佐证文件 → {folder}";
    public override string RestoreNoFolder(string folder) => $"restore 未执行：找不到备份文件夹 {folder}。";
    public override string RestoreInUse(string lockFile) => $"restore 未执行：机器人（或另一条命令）正在使用这些数据（{lockFile} 被占用）。请先停止机器人（systemctl stop campaignbot），再恢复。";
    public override string RestoreRefused(string folder, int problems) => $"restore 未执行：备份 {folder} 有 {problems} 处问题未通过检查，现有数据没有任何改动：";
    public override string RestoreProblem(Backups.BackupCheck.Kind kind, string detail) => "  " + kind switch
    {
        Backups.BackupCheck.Kind.LedgerMissing => $"备份中没有台账文件 {detail}",
        Backups.BackupCheck.Kind.DatabaseDamaged => $"数据库已损坏（SQLite 完整性检查）：{detail}",
        Backups.BackupCheck.Kind.SchemaNewer => $"台账来自更新的版本（数据库结构 {detail}），请用相同或更新的版本恢复",
        Backups.BackupCheck.Kind.EvidenceMissing => $"佐证文件缺失：{detail}",
        _ => $"佐证文件已改变（SHA-256 不符）：{detail}",
    };
    public override string RestoreDone(string folder, IReadOnlyList<string> keptAside) =>
        $"恢复完成：{folder} 已替换现有数据（检查通过：数据库完整，佐证文件与哈希一致）。被替换的数据保留在：{string.Join("，", keptAside)}；确认无误后可删除。启动机器人后运行 evidence verify。";
}
