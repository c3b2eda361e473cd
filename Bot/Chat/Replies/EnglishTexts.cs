using System.Globalization;
using CampaignBot.Understanding.Commands;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.Replies;

/// <summary>The bot's English, for users who write in English. Office and task names stay as entered.</summary>
public sealed class EnglishTexts : ReplyTexts
{
    public static readonly EnglishTexts Instance = new();

    public override string Help => $"""
        Ask me as you would ask a colleague, for example:
        · what's due this week? / what's due by the end of the month? / anything due in July? / due in the next 3 days
        · what's overdue? / anything overdue for {OtherOffice}? / all overdue
        · what's on my plate? / our office's tasks / what's {ExampleOffice} got due this week?
        · when is T017 due? who owns T017?
        · T017 is finished, photos attached (attach photos or files as evidence) / T017 was marked done by mistake, reopen it
        · add evidence T017 (with photos or files; within {TaskCompletion.FilesFollowCompletionFor.TotalMinutes:0} minutes of marking it done, just send them)
        · how are we doing?
        · extend T017 to July 15 because … / remind me about T017 tomorrow
        · subscribe / unsubscribe (1:1 chat): your own tasks' reminders
        Office leads: hand T017 over to {OtherOffice} (or to {ExamplePerson})
        Leaders and coordinators: this week's report
        {CoordinatorsLabel}: pending requests / approve extension 12 / reject extension 12 / bind {ExampleOffice} / unbind / link {ExamplePerson} <account id> / add robot {ExampleOffice} dingtalk <url> [secret] / robots
        Asking "is T017 done?" only shows the task, it never changes the ledger; when unsure I ask first. Type "whoami" to see your account id. 中文请发送「帮助」。
        """;

    /// <summary>Whom to ask: a coordinator, of the ledger's leadership office where there is one.</summary>
    private string ACoordinator => Words.LeadershipOffice is { } office ? $"a coordinator ({office})" : "a coordinator";

    private string CoordinatorsLabel => Words.LeadershipOffice is { } office ? $"Coordinators ({office})" : "Coordinators";
    private string ExampleOffice => Words.Office ?? "<office>";
    private string OtherOffice => Words.OtherOffice ?? ExampleOffice;
    private string ExamplePerson => Words.Person ?? "<name>";

    public override string Welcome => "Hello, I keep the campaign's task ledger. Type \"due this week\" to see what is due, or \"help\" for all commands.";
    public override string FilesHeldForNextMessage(int count, int minutes) =>
        $"Got {count} file(s). Within {minutes} minutes, send \"done <code>\" or \"add evidence <code>\" (for example: done T013) and they become that task's evidence.";

    public override string TurnError => "Sorry, something went wrong with that message. Please try again; if it keeps failing, tell the coordinators.";

    public override string DoneButton => "Done";
    public override string DetailButton => "Details";
    public override string ReopenButton => "Reopen";
    public override string DoneCommand(string code) => $"done {code}";
    public override string DetailCommand(string code) => $"detail {code}";
    public override string ReopenCommand(string code) => $"reopen {code}";

    public override string Date(DateOnly date, DateOnly today) =>
        date.ToString(date.Year == today.Year ? "ddd d MMM" : "ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public override string Remaining(int daysLeft) => daysLeft switch
    {
        0 => "due today",
        1 => "1 day left",
        > 1 => $"{daysLeft} days left",
        -1 => "1 day overdue",
        _ => $"{-daysLeft} days overdue",
    };

    public override string Window(DateWindow window, DateOnly today) =>
        window.IsSingleDay ? Date(window.From, today) : $"{Date(window.From, today)} – {Date(window.To, today)}";

    public override string Scope(TaskScope scope) => scope.OfficeName ?? "all offices";
    public override string CoOffices(string names) => $" (with {names})";
    public override string DoneState => "done";
    public override string More(int omitted) => $"…and {omitted} more not listed; narrow the question (\"due today\", \"my office\").";

    public override string DueHeader(string window, string scope, int count) => $"Due {window} ({scope}): {count}";
    public override string NothingDue(string window, string scope) => $"Nothing due {window} ({scope}).";
    public override string OverdueHeader(string scope, int count) => $"Overdue ({scope}): {count}";
    public override string NothingOverdue(string scope) => $"Nothing overdue ({scope}).";
    public override string MineHeader(string person, int count) => $"Open tasks owned by {person}: {count}";
    public override string NothingMine(string person) => $"{person} has no open tasks.";
    public override string OfficeHeader(string office, int count) => $"Open tasks of {office}: {count}";
    public override string NothingForOffice(string office) => $"{office} has no open tasks.";
    public override string UnknownOffice(string name, IEnumerable<string> known) => $"No office called \"{name}\". Offices: {string.Join(", ", known)}.";
    public override string NoOfficeKnown => $"I don't know your office: this chat is not bound to one and your account is not linked to a person. Name the office, e.g. \"office {ExampleOffice}\".";
    public override string UnknownAccount(string accountId) => $"I don't know your account ({accountId}) yet. Ask {ACoordinator} to send \"link <your name> {accountId}\".";

    public override string TaskNotFound(string code) => $"There is no task {code}. Try \"due this week\" or \"my office\" to see task codes.";

    public override string DetailBody(LedgerTask task, IReadOnlyList<Evidence> evidence, PendingExtension? pending, DateOnly today, TimeZoneInfo zone)
    {
        // One field a line: the card shows each line as a paragraph of its own.
        var lines = new List<string?>
        {
            $"Evaluation item: {Or(task.EvaluationItem)}",
            $"Lead office: {task.LeadOfficeName}",
            task.CoOfficeNames.Length > 0 ? $"With: {task.CoOfficeNames}" : null,
            $"Owner: {task.OwnerName ?? $"{task.LeadOfficeName} (no one named)"}",
            task.StartsOn is { } s ? $"Starts: {Date(s, today)}" : null,
            $"Due: {Date(task.DueOn, today)}",
            task.IsDone
                ? $"Status: done ({task.DoneByName}, {Local(task.DoneAt!.Value, zone)})"
                : $"Status: open, {Remaining(task.DueOn.DayNumber - today.DayNumber)}",
            pending is null ? null : $"Extension request #{pending.Id} pending: to {Date(pending.NewDueOn, today)} (asked by {pending.AskerName})",
            $"Evidence required: {Or(task.EvidenceRequired)}",
            $"Evidence kept: {evidence.Count}",
        };
        lines.AddRange(evidence.TakeLast(3).Select(e =>
            $"  - {(e.Kind == "note" ? "note: " + e.Note : "file: " + (e.Name ?? e.Url))} ({e.ByName}, {Local(e.At, zone)})"));
        return string.Join("\n", lines.OfType<string>());
    }

    private static string Or(string text) => text.Length > 0 ? text : "(not given)";

    private string Local(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString(local.Year == Today.Year ? "d MMM HH:mm" : "d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    public override string MarkedDone(LedgerTask task, int evidenceAdded) =>
        $"Done: {task.Code} {task.Title}" + (evidenceAdded > 0
            ? $", {evidenceAdded} piece(s) of evidence kept."
            : $". To add photos or files, send them within {TaskCompletion.FilesFollowCompletionFor.TotalMinutes:0} minutes, or send \"add evidence {task.Code}\" with them attached.");

    public override string AlreadyDone(LedgerTask task, TimeZoneInfo zone) =>
        $"{task.Code} is already done ({task.DoneByName}, {Local(task.DoneAt!.Value, zone)}). To add photos or files, send \"add evidence {task.Code}\" with them attached.";

    public override string AlreadyDoneEvidenceAdded(LedgerTask task, int added, TimeZoneInfo zone) =>
        $"{task.Code} is already done ({task.DoneByName}, {Local(task.DoneAt!.Value, zone)}); the {added} piece(s) you sent are kept as more evidence.";

    public override string EvidenceFollowsCompletion(LedgerTask task, int added) =>
        $"Added {added} piece(s) of evidence to {task.Code} {task.Title}, which you just marked done. If they belong elsewhere, send \"withdraw evidence <number>\" (\"evidence {task.Code}\" shows the numbers).";

    public override string FilesWithoutTask(int count, int minutes) =>
        $"Got {count} file(s), but which task are they evidence for? (You marked none done here in the last {minutes} minutes.) Send them again with \"add evidence <code>\" or \"done <code>\", for example: add evidence T017.";

    public override string Reopened(LedgerTask task) => $"Reopened: {task.Code} {task.Title} is open again.";
    public override string AlreadyOpen(LedgerTask task) => $"{task.Code} is already open.";
    public override string NotPermitted(LedgerTask task) =>
        $"You are not in {task.Code}'s lead or co-offices, so you cannot change it. Ask {task.LeadOfficeName} or {ACoordinator}.";
    public override string UnknownPersonCannotChange(string accountId) =>
        $"Your account ({accountId}) is not linked to a person, so you can ask but not change tasks. Ask {ACoordinator} to send \"link <your name> {accountId}\".";

    public override string ProgressHeader(DateOnly today, int done, int total, int overdue) =>
        $"Progress as of {Date(today)}: {done}/{total} done, {overdue} overdue";
    public override string SeriesHeader => "Recurring duties (held / due so far):";
    public override string SeriesLine(SeriesProgress series) => $"{series.Title} ({series.Rule}): {series.Done}/{series.DueSoFar}" + (series.DueSoFar < series.Total ? $", {series.Total} in all" : "");
    public override string ExtensionRequested(LedgerTask task, DateOnly newDue, long id, bool coordinatorsTold, DateOnly? askedFor = null) =>
        $"Extension request #{id} sent: {task.Code} from {Date(task.DueOn)} to {Date(newDue)}"
        + (askedFor is { } asked ? $" ({Date(asked)} is not a workday, so the next workday)" : "")
        + ", waiting for a coordinator."
        + (coordinatorsTold ? "" : " (No coordinator can receive it yet: they will once one of them sends me a message; for now, tell a coordinator directly.)");
    public override string ExtensionNotice(string asker, LedgerTask task, DateOnly newDue, string? reason, long id) =>
        $"Extension request #{id} from {asker} ({task.LeadOfficeName})\n{task.Code} {task.Title}\nDeadline {Date(task.DueOn)} → {Date(newDue)}"
        + (reason is null ? "" : $"; reason: {reason}");
    public override string ExtensionNotLater(LedgerTask task) => $"The new deadline must be after {task.Code}'s current one ({Date(task.DueOn)}).";
    public override string ExtensionNotPermitted(LedgerTask task) => $"Only {task.LeadOfficeName} (the lead office) or a coordinator may ask to extend {task.Code}.";
    public override string ExtensionPending(LedgerTask task, long id) => $"{task.Code} already has a pending extension request, #{id}.";
    public override string ExtensionNotFound(long id) => $"There is no extension request #{id}.";
    public override string ExtensionAlreadyDecided(long id, bool approved) => $"Extension request #{id} was already {(approved ? "approved" : "rejected")}.";
    public override string OnlyCoordinatorsDecide => "Only coordinators decide extension requests.";
    public override string PendingHeader(int count) => $"Extension requests waiting for a decision: {count} (press Approve or Reject, or send \"approve extension <number>\" / \"reject extension <number> <note>\")";
    public override string NothingPending => "No extension requests are waiting for a decision.";
    public override string PendingLine(PendingExtension request) =>
        $"{request.AskerName} ({request.AskerOfficeName}) asks: due {Date(request.OldDueOn)} → {Date(request.NewDueOn)}" + (request.Reason is null ? "" : $"; reason: {request.Reason}");
    public override string PendingCoordinatorsOnly => Words.LeadershipOffice is { } office
        ? $"Only coordinators ({office}) see and decide extension requests."
        : "Only coordinators see and decide extension requests.";
    public override string ExtensionDecided(long id, bool approve, LedgerTask task, DateOnly newDue) =>
        approve ? $"Approved #{id}: {task.Code} is now due {Date(newDue)}; reminders follow." : $"Rejected #{id} ({task.Code}).";
    public override string ExtensionDecisionNotice(long id, bool approve, LedgerTask task, DateOnly newDue, string decider, string? note) =>
        (approve ? $"Extension #{id} approved: {task.Code} {task.Title} is now due {Date(newDue)} ({decider})"
                 : $"Extension #{id} rejected: {task.Code} {task.Title} stays due {Date(task.DueOn)} ({decider})")
        + (note is null ? "" : $"; {note}");
    public override string ApproveButton => "Approve";
    public override string RejectButton => "Reject";
    public override string ApproveCommand(long id) => $"approve extension {id}";
    public override string RejectCommand(long id) => $"reject extension {id}";
    public override string Reassigned(LedgerTask task) =>
        $"Handed over: {task.Code} {task.Title} is now led by {task.LeadOfficeName}" + (task.OwnerName is null ? "." : $", owner {task.OwnerName}.");
    public override string ReassignNotice(LedgerTask task, string fromOffice, string by) =>
        $"Handed over: {task.Code} {task.Title} from {fromOffice} to {task.LeadOfficeName}" + (task.OwnerName is null ? "" : $" (owner {task.OwnerName})") + $", due {Date(task.DueOn)}. By {by}";
    public override string ReassignTargetUnknown(string name) => $"I don't know \"{name}\": give an office's name (or alias) or a person's name.";
    public override string OnlyLeadsReassign(LedgerTask task) => $"Only {task.LeadOfficeName}'s lead or a coordinator may hand over {task.Code}.";
    public override string ReassignUnchanged(LedgerTask task) => $"{task.Code} is already led by {task.LeadOfficeName}" + (task.OwnerName is null ? "." : $" (owner {task.OwnerName}).");
    public override string Snoozed(LedgerTask task, DateOnly day, TimeOnly at, DateOnly? replaced = null, DateOnly? askedFor = null) =>
        $"OK: I'll remind this chat about {task.Code} on {Date(day)} at {at:HH\\:mm}."
        + (askedFor is { } asked ? $" ({Date(asked)} is not a workday, so the next workday.)" : "")
        + (replaced is { } earlier ? $" (This replaces the reminder set for {Date(earlier)}.)" : "");
    public override string SnoozeTooFar(int maxDays, DateOnly latest) => $"A reminder can be put off by {maxDays} days at most, until {Date(latest)}. Pick a nearer day.";
    public override string DeadlineTooFar(LedgerTask task, DateOnly latest) => $"{task.Code}'s deadline can be {Date(latest)} at the latest. Pick a nearer day.";
    public override string TaskAlreadyDone(LedgerTask task) => $"{task.Code} is already done.";
    public override string RemindersOff => "Scheduled reminders are off here (Reminders:Enabled), so I cannot remind you later.";
    public override string ProgressLine(OfficeProgress office) =>
        $"{office.OfficeName}: {office.Done}/{office.Total}" + (office.Overdue > 0 ? $", {office.Overdue} overdue" : "");
    public override string NoTasks => $"The ledger has no tasks yet. Ask {ACoordinator} to import the plan.";

    public override string CoordinatorsOnly => Words.LeadershipOffice is { } office ? $"Only coordinators ({office}) can do that." : "Only coordinators can do that.";
    public override string BindOnlyInGroup =>
        "Only a group chat can be bound to an office: send \"bind <office>\" in the office's group chat. Without one, an office's reminders go to the 1:1 chats "
        + "of the tasks' owners and the office's leads, requests to the coordinators' 1:1 chats and the report to the leaders', once they have sent me a message (with a linked account).";
    public override string Bound(string office) => $"This chat is now bound to {office}; its reminders will come here.";
    public override string AlreadyBound(string office) => $"This chat is already bound to {office}.";
    public override string Unbound => "This chat is no longer bound to an office.";
    public override string NotBound => "This chat is not bound to an office.";
    public override string Linked(string accountId, Person person) => $"Account {accountId} now speaks for {person.Name} ({person.OfficeName}).";
    public override string AlreadyLinked(string accountId, Person person) => $"Account {accountId} already speaks for {person.Name}.";
    public override string UnknownPerson(string name) => $"There is no person \"{name}\" in the ledger. Add them to the plan's 人员 sheet and import it.";

    public override string WhoAmI(string accountId, Person? person, string? boundOffice) =>
        (person is null ? $"Your account: {accountId}, not linked to a person." : $"Your account: {accountId}, {person.Name}, {person.OfficeName}, {person.Role}.")
        + (boundOffice is null ? "" : $" This chat is bound to {boundOffice}.");

    public override string ReminderHeader(string audience, DateOnly day, int count) => $"Reminder for {audience}, {Date(day)}: {count} task(s) need attention";
    public override string EscalationHeader(int count, int workdays) => $"Escalation: {count} task(s) are {workdays} workdays overdue";
    public override string EscalationTag => "[escalated] ";
    public override string ReportTitle(DateOnly day, int done, int total, int overdue) =>
        $"Weekly progress report ({Date(day)}): {done}/{total} done, {overdue} overdue";
    public override string ReportLeadersAndCoordinatorsOnly => Words.LeadershipOffice is { } office
        ? $"This week's report is for leaders and coordinators ({office}). Send \"progress\" to see each office's progress."
        : "This week's report is for leaders and coordinators. Send \"progress\" to see each office's progress.";
    public override string ReportChartTitle(DateOnly day) => $"Progress by office ({Date(day)})";
    public override string ReportChartFile => "progress-by-office.png";
    public override string ReportChartAxis => "Tasks led (green: done, red: overdue, grey: in progress)";
    public override string ReportChartOverdue(int count) => $"{count} overdue";
    public override string ReportOverdue(int count) => count == 0 ? "Overdue: none" : $"Overdue ({count}):";
    public override string ReportDueThisWeek(int count) => count == 0 ? "Due this week: none" : $"Due this week ({count}):";
    public override string ReportFailed(int count) => $"{count} reminder(s) could not be delivered last week:";
    public override string ReportFailedLine(string chat, bool gone, int count) =>
        $"{chat} ({(gone ? "can no longer be reached" : "not delivered")}" + (count > 1 ? $", {count} messages)" : ")");
    public override string ReportUnreachable(IReadOnlyList<string> offices) =>
        $"{offices.Count} office(s) cannot be reached (no chat bound, no robot, and neither owners nor leads have written to me): {string.Join(", ", offices)}. "
        + "Send \"bind <office>\" in the office's group chat, add a robot, or ask its lead to send me a message.";
    public override string HolidayTableEnding(int lastYear) =>
        $"Reminder: the holiday table ends with {lastYear}. {lastYear + 1}'s holidays and make-up workdays are not loaded, so reminders would go out on public holidays and skip make-up workdays. "
        + $"Once the State Council publishes {lastYear + 1}'s arrangement, have whoever runs the bot put it in a CSV (columns 日期, 类型 (休 or 班), 名称, e.g. {lastYear + 1}-01-01,休,元旦) "
        + "and run workdays load file.csv on the server (see docs/reminders.md). This reminder stops once it is loaded.";
    public override string ReportReachedThroughPeople(IReadOnlyList<string> offices) =>
        $"{offices.Count} office(s) reached through people's 1:1 chats (no chat bound; reminders go to owners and leads): {string.Join(", ", offices)}.";
    public override string ChatRemoved(string chat, string? office) =>
        $"The bot can no longer reach {chat} (it was removed, or the chat deleted)" + (office is null ? "; nothing more is sent there." : $"; it is no longer bound to {office}. Bind {office}'s new chat (\"bind {office}\"); until then {office}'s reminders go to its owners' and leads' 1:1 chats.");
    public override string GroupChatName(string? office, string? title) =>
        (office is null ? "a group chat" : $"{office}'s group chat") + (title is null ? "" : $" \"{title}\"");
    public override string PersonalChatName(string? person) => person is null ? "a 1:1 chat" : $"{person}'s 1:1 chat";
    public override string RobotName(string office) => $"{office}'s group robot";
    public override string UnknownChatName => "a chat that can no longer be identified";
    public override string Subscribed(string person) =>
        $"Subscribed: reminders for {person}'s tasks will come here (also those your office's group gets). Send \"unsubscribe\" to stop every personal reminder, notice and report.";
    public override string AlreadySubscribed(string person) => $"This chat already gets {person}'s reminders.";
    public override string Unsubscribed => "Unsubscribed: no more reminders, notices or reports in your 1:1 chats. Send \"subscribe\" to have them again.";
    public override string NotSubscribed => "You have unsubscribed: your 1:1 chats get no reminders, notices or reports. Send \"subscribe\" to have them again.";
    public override string SubscribeInPersonalChatOnly => "Personal reminders can only be subscribed to in a 1:1 chat with me.";
    public override string RobotAdded(long id, string office, RobotKind kind, string maskedUrl, string? maskedSecret) =>
        $"Added {(kind == RobotKind.DingTalk ? "DingTalk" : "WeCom")} robot #{id} for {office}: {maskedUrl}" + (maskedSecret is null ? "" : $", signing secret {maskedSecret}") + $". {office}'s reminders will go to that group too.";
    public override string RobotLine(long id, string office, RobotKind kind, string maskedUrl, bool signed, bool fromConfiguration) =>
        $"#{id} {office} · {(kind == RobotKind.DingTalk ? "DingTalk" : "WeCom")} · {maskedUrl}{(signed ? " · signed" : "")}{(fromConfiguration ? " · from configuration" : "")}";
    public override string RobotsHeader(int count) => count == 0 ? "No group robots yet. Coordinators can send \"add robot <office> dingtalk|wecom <url> [secret]\"." : $"{count} group robot(s):";
    public override string RobotUrlNotAllowed(string maskedUrl, IEnumerable<string> allowedBases) =>
        $"Not added: the robot address {maskedUrl} is not allowed. It must start with one of {string.Join(", ", allowedBases)} (an administrator can allow another gateway with RobotWebhooks:AllowedBaseUrls).";
    public override string AttachmentsRefused(IReadOnlyList<RefusedAttachment> refused) =>
        "Not kept as evidence: " + string.Join("; ", refused.Select(r => $"\"{r.Name}\" " + r.Reason switch
        {
            AttachmentRefusal.NotAWebLink => "is not an http/https link",
            AttachmentRefusal.NotYourUpload => "is not a file you uploaded in this chat",
            _ => "could not be read",
        })) + ".";
    public override string EvidenceLostNotice(string code, string title, string fileName) =>
        $"[Evidence missing] {code} {title}: the file \"{fileName}\" could not be fetched after several tries and is not kept. Please send it again: add evidence {code} (with the file).";
    public override string EvidenceFilesKept(IReadOnlyList<(string Name, string State, string? Reason)> files) =>
        files.Count == 0 ? "" : "Evidence files: " + string.Join("; ", files.Select(f => $"\"{f.Name}\" " + f.State switch
        {
            "stored" => "kept",
            "pending" => "not fetched yet, will be retried",
            "failed" => "could not be fetched",
            _ => f.Reason == "too-large" ? "is over the size limit, not kept" : "is not what its type says, not kept",
        })) + ".";
    public override string ReportLostEvidence(IReadOnlyList<(string Code, string Title, string FileName)> lost) =>
        string.Join("\n", lost.Take(20).Select(f => $"· {f.Code} {f.Title} \"{f.FileName}\"").Prepend($"Evidence files that could not be kept: {lost.Count} (the offices should send them again with \"add evidence <code>\")"));
    public override string EvidenceListHeader(LedgerTask task, int count) =>
        count == 0 ? $"{task.Code} {task.Title}: no evidence yet." : $"{task.Code} {task.Title}: {count} piece(s) of evidence";
    public override string EvidenceListLine(Evidence evidence, TimeZoneInfo zone) =>
        $"#{evidence.Id} " + (evidence.Kind == "note" ? $"note: {evidence.Note}" : $"{evidence.Name ?? evidence.Url}") + evidence.FileState switch
        {
            "stored" => " · kept",
            "pending" => " · being fetched",
            "failed" => " · could not be fetched",
            "refused" => " · not kept",
            _ => evidence.Kind == "note" ? "" : " · link",
        } + $" ({evidence.ByName}, {Local(evidence.At, zone)})";
    public override string EvidenceAdded(LedgerTask task, int added) => $"Added {added} piece(s) of evidence to {task.Code} {task.Title}.";
    public override string EvidenceWithdrawn(long id, LedgerTask task) => $"Withdrew evidence #{id} ({task.Code}); the audit keeps the record.";
    public override string EvidenceNotFound(long id) => $"No evidence #{id}. Send \"evidence <task code>\" to see the numbers.";
    public override string EvidenceNotYours(long id) => $"Evidence #{id} can be withdrawn only by whoever added it or by a coordinator.";
    public override string NothingToAdd(string code) => $"Attach a file, or write a note: add evidence {code} <note>.";
    public override string RobotDoneHint(string? chatUrl, string exampleCode) =>
        chatUrl is null
            ? $"To mark a task done, send \"done {exampleCode}\" in your chat with the campaign bot (photos welcome); this robot cannot read replies."
            : $"To mark a task done, open [the campaign bot]({chatUrl}) and send \"done {exampleCode}\" (photos welcome); this robot cannot read replies.";

    public override string ImpossibleDate(string words) => $"\"{words}\" is not a date that exists; check the month and day.";
    public override string ReversedRange(string words) => $"The range \"{words}\" ends before it starts.";

    public override string NotUnderstood(IReadOnlyList<string> tries) =>
        "Sorry, I didn't get that." + (tries.Count > 0 ? $" Try \"{string.Join("\", \"", tries)}\", or" : "") + " type \"help\" to see what you can ask.";

    public override ReplyLanguage Language => ReplyLanguage.English;

    public override string UndoButton(string code) => $"Undo {code}";

    public override string Undone(LedgerTask task, string action, int evidenceWithdrawn) => action switch
    {
        "task.done" => $"Undone: {task.Code} \"{task.Title}\" is open again" + (evidenceWithdrawn > 0 ? $", and the {evidenceWithdrawn} piece(s) of evidence it recorded are withdrawn." : "."),
        "evidence.add" => $"Undone: the {evidenceWithdrawn} piece(s) of evidence added to {task.Code} are withdrawn.",
        "task.reopen" => $"Undone: {task.Code} \"{task.Title}\" is done again.",
        "extension.request" => $"Undone: the extension request for {task.Code} is withdrawn; the deadline stays {Date(task.DueOn)}.",
        "task.reassign" => $"Undone: {task.Code} is back with {task.LeadOfficeName}" + (task.OwnerName is { } owner ? $" (owner {owner})." : "."),
        "task.snooze" => $"Undone: the later reminder for {task.Code} is cancelled.",
        _ => $"Undone: the change to {task.Code}.",
    } + " Both steps stay in the ledger's audit.";

    public override string UndoNotFound(long changeId) => $"There is no change #{changeId} to undo.";
    public override string UndoNotPermitted(LedgerTask task) => $"Only who made the change, or a coordinator, can undo it ({task.Code}).";
    public override string UndoSuperseded(LedgerTask task) => $"{task.Code} has changed again since (or this was undone already), so this step cannot be undone; send \"detail {task.Code}\" and correct it directly.";
    public override string UndoNotPossible(LedgerTask task) => $"This change to {task.Code} can no longer be undone (an extension request already decided, say); send \"detail {task.Code}\".";
    public override string ExtensionWithdrawn(long requestId) => $"Extension request #{requestId} was withdrawn by its asker; nothing to decide.";
    public override string ExtensionNoLongerLater(long requestId, LedgerTask task, DateOnly asked) =>
        $"Extension request #{requestId} not approved: {task.Code} is already due {Date(task.DueOn)} (a plan import moved it), not before the {Date(asked)} asked; approving would bring it forward. If it still needs more time, reject it and ask again.";

    public override string ModelSuggested(IReadOnlyList<string> readings) =>
        $"Did you mean \"{string.Join("\" or \"", readings)}\"? Press the button to confirm (nothing is changed until you do), or send \"help\".";

    public override string ModelInferred(string reading) => $"(Answered as I guessed you meant: \"{reading}\". If that is wrong, please say it another way.)";

    public override string ChangeOffered(IReadOnlyList<string> offers) =>
        $"I changed nothing. To \"{string.Join("\" or \"", offers)}\", press the button below.";

    public override string SmallTalk(SmallTalkKind kind) => kind switch
    {
        SmallTalkKind.Greeting => "Hello! Ask me \"what's due this week\", \"my tasks\" or \"overdue\", or type \"help\".",
        SmallTalkKind.Thanks => "You're welcome! Ask me any time, for example \"what's due this week\".",
        SmallTalkKind.Wishes => "Thank you, and the same to you! Ask me \"what's due this week\" whenever you need.",
        _ => "OK. Ask me \"what's due this week\" or \"my tasks\" whenever you need.",
    };

    public override string Clarify(IReadOnlyList<string> readings) => $"Did you mean \"{string.Join("\" or \"", readings)}\"? Press a button, or send one of them.";

    public override string CommandText(ChatCommand command) => command switch
    {
        HelpCommand => "help",
        WhoAmICommand => "whoami",
        ProgressCommand => "progress",
        MineCommand => "my tasks",
        ListRobotsCommand => "robots",
        UnbindCommand => "unbind",
        SubscribeCommand { Subscribe: true } => "subscribe",
        SubscribeCommand => "unsubscribe",
        DueCommand due => $"{ScopeWords(due)}due {due.Window.From:yyyy-MM-dd} to {due.Window.To:yyyy-MM-dd}",
        OverdueCommand overdue => $"{ScopeWords(overdue)}overdue",
        OfficeTasksCommand { OfficeName: null } => "my office",
        OfficeTasksCommand office => $"office {office.OfficeName}",
        DetailCommand detail => DetailCommand(detail.Code),
        DoneCommand done => DoneCommand(done.Code),
        ReopenCommand reopen => ReopenCommand(reopen.Code),
        ExtendCommand { ByDays: { } days } extend => $"extend {extend.Code} by {days} days" + (extend.Reason is { } why ? $" because {why}" : ""),
        ExtendCommand extend => $"extend {extend.Code} to {extend.NewDueOn:yyyy-MM-dd}" + (extend.Reason is { } reason ? $" because {reason}" : ""),
        SnoozeCommand snooze => $"snooze {snooze.Code} {snooze.Day:yyyy-MM-dd}",
        ReassignCommand reassign => $"reassign {reassign.Code} to {reassign.To}",
        DecideExtensionCommand decide => decide.Approve ? ApproveCommand(decide.RequestId) : RejectCommand(decide.RequestId),
        BindOfficeCommand bind => $"bind {bind.OfficeName}",
        LinkAccountCommand link => $"link {link.PersonName} {link.AccountId}",
        UndoCommand undo => $"undo change {undo.ChangeId}",
        ReportCommand => "this week's report",
        PendingExtensionsCommand => "pending requests",
        _ => "help",
    };

    /// <summary>15 Jun: a button's words, which the understanding reads back when typed.</summary>
    private static string DayMonth(DateOnly date, DateOnly today) =>
        date.ToString(date.Year == today.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture);

    private static string ScopeWords(ScopedCommand command) =>
        command.OfficeName is { } office ? $"{office} " : command.OwnOffice ? "our office " : command.WholeCampaign ? "all " : "";

    public override string ButtonLabel(ChatCommand command, DateOnly today) => command switch
    {
        DetailCommand detail => $"show {detail.Code}",
        DoneCommand done => $"mark {done.Code} done",
        DueCommand due => $"{ScopeWords(due)}due " + (due.Window.IsSingleDay ? DayMonth(due.Window.From, today) : $"{DayMonth(due.Window.From, today)} to {DayMonth(due.Window.To, today)}"),
        ExtendCommand { ByDays: { } days } extend => $"extend {extend.Code} by {days} days",
        ExtendCommand extend => $"extend {extend.Code} to {DayMonth(extend.NewDueOn, today)}",
        SnoozeCommand snooze => $"remind me of {snooze.Code} on {DayMonth(snooze.Day, today)}",
        _ => CommandText(command),
    };
}
