using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Robots;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Ledger;

namespace CampaignBot.Operator;

public sealed class EnglishOperatorTexts : OperatorTexts
{
    public static readonly EnglishOperatorTexts Instance = new();

    private EnglishOperatorTexts()
    {
    }

    public override ReplyTexts Replies => EnglishTexts.Instance;

    /// <summary>An operator's dates always carry their year: the output may be read or kept later.</summary>
    private static string Date(DateOnly date) => EnglishTexts.Instance.Date(date, DateOnly.MinValue);

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    public override string NoFile(string verb, string path) => $"{verb} failed: no file at {path}";
    public override string Failed(string verb, string reason) => $"{verb} failed: {reason}";
    public override string RefusedFile(int errors) => $"Nothing imported: {Plural(errors, "error", "errors")}, the ledger is unchanged.";
    public override string MoreErrors(int omitted) => $"  … and {omitted} more not listed.";
    public override string PortBusy(string address) =>
        $"The bot did not start: another program (perhaps the bot, already running) listens on {address}. Stop it, or give another address with --urls; the ledger is unchanged.";

    public override string SendTime(DateTimeOffset local, string zone) => $"{Date(DateOnly.FromDateTime(local.DateTime))} {local:HH\\:mm} ({zone})";
    public override string PreviewHeader(string sendTime, bool next, int reminders, int chats) =>
        (next ? $"Next send time: {sendTime}" : $"Send time {sendTime}")
        + (reminders == 0 ? ": no reminders to send." : $": {Plural(reminders, "reminder", "reminders")} to {Plural(chats, "chat", "chats")}:");
    public override string NoSendTimeBefore(int days) => $"No send time in the {days} days before (reminders go on workdays only).";
    public override string NoSendTimeAfter(int days) => $"No send time in the next {days} days (the workday calendar has no workday).";

    public override string ChannelName(string channelId) => channelId switch
    {
        "msteams" => "Teams",
        "directline" or "webchat" => "Web Chat",
        "dingtalk" => "DingTalk",
        "wecom" => "WeCom",
        "emulator" => "Bot Framework Emulator",
        _ => channelId,
    };

    public override string Chat(ConversationRecord? chat, string conversationId) => chat switch
    {
        null => $"chat {conversationId} (no longer in the ledger)",
        { BoundOfficeName: { } office } => $"{office}'s {(chat.IsGroup ? "group chat" : "chat")} ({ChannelName(chat.ChannelId)})",
        { BoundPersonName: { } person } => $"{person}'s own chat ({ChannelName(chat.ChannelId)})",
        _ => $"chat {conversationId} ({ChannelName(chat.ChannelId)})",
    };

    public override string Robot(Robot? robot, long id) =>
        robot is null ? $"group robot #{id} (removed)" : $"{robot.OfficeName}'s {(robot.IsDingTalk ? "DingTalk" : "WeCom")} group robot";

    public override string Kind(string kind) => kind switch
    {
        ReminderKinds.Report => "weekly report",
        ReminderKinds.Escalation => "escalated to the coordinators",
        "due-0" => "due today",
        "due-1" => "due tomorrow",
        _ when kind.StartsWith("due-", StringComparison.Ordinal) => $"due in {kind[4..]} days",
        _ when kind.StartsWith("overdue-", StringComparison.Ordinal) => $"overdue, workday {kind[8..]}",
        _ => kind,
    };

    public override string ReminderLine(string kind, string code, string title, DateOnly due, string office) =>
        $"  {kind}: {code} {title} (due {Date(due)}, led by {office})";
    public override string ReportFollows => "  The weekly report (written from the ledger as it is now; rewritten when sent):";
    public override string Unreached(int tasks, int offices) =>
        $"Nothing reaches {tasks} task(s) of {offices} office(s): no group chat, robot or person's 1:1 chat. Send \"bind <office>\" in the office's group chat, add a group robot, or ask the tasks' owners or the office's lead to send the bot a message; reminders that still help go at the next send time.";
    public override string ThroughPeople(int offices) => $"Reached through people's 1:1 chats (no group chat bound; owners and leads get them): {offices} office(s)";
    public override string ThroughPeopleOffice(string office, int reminders, IReadOnlyList<string> people) => $"{office}: {reminders} reminder(s) to {string.Join(", ", people)}";
    public override string UnreachedOffice(string office, int tasks) => $"{office}: {Plural(tasks, "task", "tasks")}";
    public override string UnreachedTask(string kind, string code, string title, DateOnly due) => $"  {code} {title} (due {Date(due)}, {kind})";

    public override string RunSummary(int sendDays, int enqueued, int dropped) =>
        (sendDays switch
        {
            0 => "No new send time to plan",
            1 => $"Planned this send time: {Plural(enqueued, "new reminder", "new reminders")}",
            _ => $"Made up {sendDays} missed send times: {Plural(enqueued, "new reminder", "new reminders")}",
        })
        + (dropped > 0 ? $", {dropped} too late to help, not sent" : "") + ".";

    public override string Delivered(int sent, int failed, int cancelled, int gone) =>
        $"Sent {Plural(sent, "message", "messages")}"
        + (failed > 0 ? $", {failed} could not be delivered (the next weekly report lists them)" : "")
        + (cancelled > 0 ? $", {cancelled} no longer needed (the task was done or moved)" : "")
        + (gone > 0 ? $", {Plural(gone, "chat", "chats")} removed the bot (the coordinators are told)" : "") + ".";

    public override string BotUnreachable(string address) =>
        $"reminders run failed: Web Chat reminders go through the running bot, and nothing answers at {address}. Start the bot; if it listens elsewhere, set DirectLine:ConnectorBaseUrl to that address (e.g. DirectLine__ConnectorBaseUrl=http://127.0.0.1:5417).";

    public override string ReportFileName(DateOnly day) => $"weekly-report-{day:yyyy-MM-dd}";
    public override string ReportWritten(string text, string? chart) =>
        $"The weekly report is written: {text}" + (chart is null ? "." : $", chart: {chart}");

    public override string NoMisses(int days) => $"No messages the bot did not understand in the last {days} days.";
    public override string MissesHeader(int days) => $"Messages the bot did not understand in the last {days} days, most frequent first (asked: the bot offered two readings):";
    public override string MissColumns => "count  outcome     last seen         channels  text";
    public override string MissOutcome(string outcome) => outcome == "asked" ? "asked" : "not understood";
    public override string TapRatesHeader => "The language model's suggestions by intent: offered as buttons, tapped, tap rate:";
    public override string TapRate(string intent, int offered, int tapped) => $"  {intent,-13} {offered,5} {tapped,5}  {(offered == 0 ? 0 : 100.0 * tapped / offered):0}%";
    public override string UnusedSuggestionsHeader => "Messages whose model suggestion was refused by the checks or not tapped (for the corpus):";
    public override string UnusedSuggestion(string status, string text, string? suggestion, string? note) =>
        $"  {(status == "refused" ? "refused" : "ignored"),-7} {text.ReplaceLineEndings(" ")}" + (suggestion is null ? "" : $"  -> {suggestion.ReplaceLineEndings(" | ")}") + (note is null ? "" : $"  ({note})");
    public override string MissesFooter => "Forward this list to the bot's maintainers: they add the phrasings worth understanding to the corpus and teach the bot (how: docs/understanding.md).";

    public override string WorkdaysLoaded(int daysOff, int workdays) => $"Workday calendar updated: {Plural(daysOff, "day off", "days off")}, {Plural(workdays, "make-up workday", "make-up workdays")}.";
    public override string NoSample => "The sample campaign is not in the ledger; nothing to remove.";
    public override string SampleKept => "The sample campaign was not removed: the ledger holds data that is not the sample's, and nothing changed.";
    public override string SampleRemoved(int tasks, int offices, int people, int chats, int transcripts) =>
        $"The sample campaign is removed: {tasks} tasks, {offices} offices, {people} people, {chats} chats, {transcripts} Web Chat transcripts. The database file, the workday calendar and the audit are kept; next: import <plan>.";
    public override string Exported(int tasks, string path) => $"Exported {Plural(tasks, "task", "tasks")} → {path}";
    public override string BinderWritten(int items, int tasks, int files, string path) =>
        $"Evidence binder: {Plural(items, "evaluation item", "evaluation items")}, {Plural(tasks, "task", "tasks")}, {Plural(files, "file", "files")} → {path}";
    public override string BinderFilesChanged(int files, string indexName) =>
        $"  Warning: {Plural(files, "file no longer matches", "files no longer match")} the SHA-256 recorded when kept (packed as they are now, marked in {indexName}'s 备注 column); run evidence verify:";
    public override string BinderActiveFilesRenamed(int files, string indexName) =>
        $"  {Plural(files, "web page or script got", "web pages or scripts got")} .txt added to the name (opening shows the text, runs nothing); see {indexName}'s 备注 column.";
    public override string BinderFilesMissing(int files, string notesName) => $"  {Plural(files, "file is", "files are")} missing from the store, noted in each task's {notesName}; run evidence verify.";
    public override string EvidenceFileProblem(bool missing, long id, string name, string sender, string sha256) =>
        $"  {(missing ? "missing" : "changed")}: #{id} {name} ({sender}, {sha256})";
    public override string EvidenceVerified(int files, int problems) =>
        problems == 0 ? $"Evidence files checked: all {files} intact." : $"Evidence files checked: {problems} of {files} missing or changed (above).";
    public override string BackupFolderNotEmpty(string folder) => $"backup failed: {folder} is not empty; a backup goes into a new or empty folder.";
    public override string BackupDone(int files, string folder) => $"Backup done: the ledger, the scheduler's store and {Plural(files, "evidence file", "evidence files")} → {folder}";
    public override string RestoreNoFolder(string folder) => $"restore failed: there is no backup folder {folder}.";
    public override string RestoreInUse(string lockFile) => $"restore failed: the bot (or another command) is using the data ({lockFile} is held). Stop the bot first (systemctl stop campaignbot), then restore.";
    public override string RestoreRefused(string folder, int problems) => $"restore failed: the backup {folder} failed {Plural(problems, "check", "checks")}; nothing in the data was changed:";
    public override string RestoreProblem(Backups.BackupCheck.Kind kind, string detail) => "  " + kind switch
    {
        Backups.BackupCheck.Kind.LedgerMissing => $"the backup has no ledger file {detail}",
        Backups.BackupCheck.Kind.DatabaseDamaged => $"a database is damaged (SQLite integrity check): {detail}",
        Backups.BackupCheck.Kind.SchemaNewer => $"the ledger comes from a newer version (schema {detail}); restore with the same or a newer version",
        Backups.BackupCheck.Kind.EvidenceMissing => $"an evidence file is missing: {detail}",
        _ => $"an evidence file has changed (its SHA-256 does not match): {detail}",
    };
    public override string RestoreDone(string folder, IReadOnlyList<string> keptAside) =>
        $"Restored {folder} in place of the data (checked: the databases are sound, the evidence files match their hashes). The data replaced is kept as {string.Join(", ", keptAside)}; delete it when satisfied. Start the bot, then run evidence verify.";
}
