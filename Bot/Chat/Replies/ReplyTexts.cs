using CampaignBot.Understanding.Commands;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.Replies;

/// <summary>
/// Every user-facing sentence, one implementation per language (<see cref="ChineseTexts"/>,
/// <see cref="EnglishTexts"/>). Handlers choose what to say; these say it.
/// </summary>
public abstract class ReplyTexts
{
    public static ReplyTexts For(ReplyLanguage language) => language == ReplyLanguage.English ? EnglishTexts.Instance : ChineseTexts.Instance;

    /// <summary>The language these texts are in.</summary>
    public abstract ReplyLanguage Language { get; }

    private DateOnly? today;
    private LedgerWords words = LedgerWords.None;

    /// <summary>These texts for a message written on <paramref name="day"/>: a date in another year shows its year.</summary>
    public ReplyTexts On(DateOnly day)
    {
        var copy = (ReplyTexts)MemberwiseClone();
        copy.today = day;
        return copy;
    }

    /// <summary>These texts naming the live ledger's offices and people (the coordinators' office, the help's examples).</summary>
    public ReplyTexts With(LedgerWords ledger)
    {
        var copy = (ReplyTexts)MemberwiseClone();
        copy.words = ledger;
        return copy;
    }

    /// <summary>The ledger's names; <see cref="LedgerWords.None"/> when the texts were not taken <see cref="With"/> them.</summary>
    protected LedgerWords Words => words;

    /// <summary>The day the message is written; unknown (texts not taken <see cref="On"/> a day), every date shows its year.</summary>
    protected DateOnly Today => today ?? DateOnly.MinValue;

    /// <summary>A date as this language writes it, with its year when that is not this year's.</summary>
    public string Date(DateOnly date) => Date(date, Today);

    public abstract string Help { get; }
    public abstract string Welcome { get; }
    public abstract string TurnError { get; }

    /// <summary>DingTalk sends a file as a message of its own: it is held for the sender's next message.</summary>
    public abstract string FilesHeldForNextMessage(int count, int minutes);

    // Buttons: their labels and the command each sends back.
    public abstract string DoneButton { get; }
    public abstract string DetailButton { get; }
    public abstract string ReopenButton { get; }
    public abstract string DoneCommand(string code);
    public abstract string DetailCommand(string code);
    public abstract string ReopenCommand(string code);

    // Dates and deadlines.
    public abstract string Date(DateOnly date, DateOnly today);
    public abstract string Remaining(int daysLeft);
    public abstract string Window(DateWindow window, DateOnly today);
    public abstract string Scope(TaskScope scope);
    public abstract string CoOffices(string names);
    public abstract string DoneState { get; }
    public abstract string More(int omitted);

    // Lists.
    public abstract string DueHeader(string window, string scope, int count);
    public abstract string NothingDue(string window, string scope);
    public abstract string OverdueHeader(string scope, int count);
    public abstract string NothingOverdue(string scope);
    public abstract string MineHeader(string person, int count);
    public abstract string NothingMine(string person);
    public abstract string OfficeHeader(string office, int count);
    public abstract string NothingForOffice(string office);
    public abstract string UnknownOffice(string name, IEnumerable<string> known);
    public abstract string NoOfficeKnown { get; }
    public abstract string UnknownAccount(string accountId);

    // One task.
    public abstract string TaskNotFound(string code);
    /// <param name="pending">The task's extension request waiting for a decision, if any.</param>
    public abstract string DetailBody(LedgerTask task, IReadOnlyList<Evidence> evidence, PendingExtension? pending, DateOnly today, TimeZoneInfo zone);

    // Changes.
    public abstract string MarkedDone(LedgerTask task, int evidenceAdded);
    public abstract string AlreadyDone(LedgerTask task, TimeZoneInfo zone);

    /// <summary>完成 again on a done task, with files or words: they are kept as more evidence.</summary>
    public abstract string AlreadyDoneEvidenceAdded(LedgerTask task, int added, TimeZoneInfo zone);

    /// <summary>Files sent on their own just after the sender marked <paramref name="task"/> done in this chat: its evidence.</summary>
    public abstract string EvidenceFollowsCompletion(LedgerTask task, int added);

    /// <summary>Files sent on their own with no task just completed in this chat: which task are they for?</summary>
    public abstract string FilesWithoutTask(int count, int minutes);
    public abstract string Reopened(LedgerTask task);
    public abstract string AlreadyOpen(LedgerTask task);
    public abstract string NotPermitted(LedgerTask task);

    // Deadline changes (延期), hand-overs (转办) and snoozes (稍后提醒).
    /// <param name="askedFor">The day asked for when it was a rest day and the deadline moved to the next workday.</param>
    public abstract string ExtensionRequested(LedgerTask task, DateOnly newDue, long id, bool coordinatorsTold, DateOnly? askedFor = null);
    public abstract string ExtensionNotice(string asker, LedgerTask task, DateOnly newDue, string? reason, long id);
    public abstract string ExtensionNotLater(LedgerTask task);
    public abstract string ExtensionNotPermitted(LedgerTask task);
    public abstract string ExtensionPending(LedgerTask task, long id);
    public abstract string ExtensionNotFound(long id);
    public abstract string ExtensionAlreadyDecided(long id, bool approved);
    public abstract string OnlyCoordinatorsDecide { get; }
    public abstract string PendingHeader(int count);
    public abstract string NothingPending { get; }

    /// <summary>A pending request's line: who asked, the deadline from and to, and why.</summary>
    public abstract string PendingLine(PendingExtension request);
    public abstract string PendingCoordinatorsOnly { get; }
    public abstract string ExtensionDecided(long id, bool approve, LedgerTask task, DateOnly newDue);
    public abstract string ExtensionDecisionNotice(long id, bool approve, LedgerTask task, DateOnly newDue, string decider, string? note);
    public abstract string ApproveButton { get; }
    public abstract string RejectButton { get; }
    public abstract string ApproveCommand(long id);
    public abstract string RejectCommand(long id);
    public abstract string Reassigned(LedgerTask task);
    public abstract string ReassignNotice(LedgerTask task, string fromOffice, string by);
    public abstract string ReassignTargetUnknown(string name);
    public abstract string OnlyLeadsReassign(LedgerTask task);
    public abstract string ReassignUnchanged(LedgerTask task);
    /// <param name="replaced">The day of the chat's earlier snooze of this task, which this one replaces.</param>
    /// <param name="askedFor">The day asked for when it was a rest day and the reminder moved to the next workday.</param>
    public abstract string Snoozed(LedgerTask task, DateOnly day, TimeOnly at, DateOnly? replaced = null, DateOnly? askedFor = null);
    public abstract string SnoozeTooFar(int maxDays, DateOnly latest);
    public abstract string DeadlineTooFar(LedgerTask task, DateOnly latest);
    public abstract string TaskAlreadyDone(LedgerTask task);
    public abstract string RemindersOff { get; }
    public abstract string UnknownPersonCannotChange(string accountId);

    // Progress.
    public abstract string ProgressHeader(DateOnly today, int done, int total, int overdue);
    public abstract string ProgressLine(OfficeProgress office);
    public abstract string SeriesHeader { get; }
    public abstract string SeriesLine(SeriesProgress series);
    public abstract string NoTasks { get; }

    // Administration.
    public abstract string CoordinatorsOnly { get; }
    public abstract string BindOnlyInGroup { get; }
    public abstract string Bound(string office);
    public abstract string AlreadyBound(string office);
    public abstract string Unbound { get; }
    public abstract string NotBound { get; }
    public abstract string Linked(string accountId, Person person);
    public abstract string AlreadyLinked(string accountId, Person person);
    public abstract string UnknownPerson(string name);
    public abstract string WhoAmI(string accountId, Person? person, string? boundOffice);

    // Proactive messages: reminders, escalations, the weekly report, notices.
    public abstract string ReminderHeader(string audience, DateOnly day, int count);
    public abstract string EscalationHeader(int count, int workdays);
    public abstract string EscalationTag { get; }
    public abstract string ReportTitle(DateOnly day, int done, int total, int overdue);

    /// <summary>本周通报 asked by someone who is neither a leader nor a coordinator.</summary>
    public abstract string ReportLeadersAndCoordinatorsOnly { get; }
    public abstract string ReportChartTitle(DateOnly day);
    public abstract string ReportChartFile { get; }
    public abstract string ReportChartAxis { get; }
    public abstract string ReportChartOverdue(int count);
    public abstract string ReportOverdue(int count);
    public abstract string ReportDueThisWeek(int count);
    public abstract string ReportFailed(int count);
    /// <summary>A chat that messages failed to, named in words (<see cref="GroupChatName"/> …): gone (the bot was removed) or not delivered (retries exhausted, or a message it could not write).</summary>
    public abstract string ReportFailedLine(string chat, bool gone, int count);
    /// <summary>Offices with open tasks that no chat, robot or person reaches: their reminders go nowhere until one is bound or someone writes to the bot.</summary>
    public abstract string ReportUnreachable(IReadOnlyList<string> offices);
    /// <summary>Offices with no chat of their own whose reminders reach their people's 1:1 chats.</summary>
    public abstract string ReportReachedThroughPeople(IReadOnlyList<string> offices);
    public abstract string ChatRemoved(string chat, string? office);

    /// <summary>To the coordinators, once a send day from December: the holiday table ends with <paramref name="lastYear"/>; how to load the next.</summary>
    public abstract string HolidayTableEnding(int lastYear);
    /// <summary>A group chat in words: whose (the office it is or was bound to) and its title, where known.</summary>
    public abstract string GroupChatName(string? office, string? title);
    /// <summary>A 1:1 chat in words: whose.</summary>
    public abstract string PersonalChatName(string? person);
    public abstract string RobotName(string office);
    public abstract string UnknownChatName { get; }
    public abstract string Subscribed(string person);
    public abstract string AlreadySubscribed(string person);
    public abstract string Unsubscribed { get; }
    public abstract string NotSubscribed { get; }
    public abstract string SubscribeInPersonalChatOnly { get; }

    public abstract string RobotAdded(long id, string office, Ledger.RobotKind kind, string maskedUrl, string? maskedSecret);
    public abstract string RobotLine(long id, string office, Ledger.RobotKind kind, string maskedUrl, bool signed, bool fromConfiguration);
    public abstract string RobotsHeader(int count);
    public abstract string EvidenceLostNotice(string code, string title, string fileName);
    public abstract string EvidenceFilesKept(IReadOnlyList<(string Name, string State, string? Reason)> files);
    public abstract string ReportLostEvidence(IReadOnlyList<(string Code, string Title, string FileName)> lost);
    public abstract string EvidenceListHeader(LedgerTask task, int count);
    public abstract string EvidenceListLine(Evidence evidence, TimeZoneInfo zone);
    public abstract string EvidenceAdded(LedgerTask task, int added);
    public abstract string EvidenceWithdrawn(long id, LedgerTask task);
    public abstract string EvidenceNotFound(long id);
    public abstract string EvidenceNotYours(long id);
    public abstract string NothingToAdd(string code);
    public abstract string AttachmentsRefused(IReadOnlyList<RefusedAttachment> refused);
    public abstract string RobotUrlNotAllowed(string maskedUrl, IEnumerable<string> allowedBases);

    /// <summary>A robot cannot hear replies: how to mark a task done instead.</summary>
    public abstract string RobotDoneHint(string? chatUrl, string exampleCode);

    // Input problems.
    public abstract string ImpossibleDate(string words);
    public abstract string ReversedRange(string words);

    /// <summary>Nothing understood: the closest commands follow as buttons (and as text where buttons do not show).</summary>
    public abstract string NotUnderstood(IReadOnlyList<string> tries);

    /// <summary>Two readings remain: which one? Each follows as a button.</summary>
    public abstract string Clarify(IReadOnlyList<string> readings);

    // 撤销 / Undo.
    public abstract string UndoButton(string code);
    public abstract string Undone(LedgerTask task, string action, int evidenceWithdrawn);
    public abstract string UndoNotFound(long changeId);
    public abstract string UndoNotPermitted(LedgerTask task);
    public abstract string UndoSuperseded(LedgerTask task);
    public abstract string UndoNotPossible(LedgerTask task);
    public abstract string ExtensionWithdrawn(long requestId);
    public abstract string ExtensionNoLongerLater(long requestId, LedgerTask task, DateOnly asked);

    /// <summary>The office's language model read a message the rules missed: what it seemed to ask, as buttons; nothing changed until one is tapped.</summary>
    public abstract string ModelSuggested(IReadOnlyList<string> readings);

    /// <summary>A question answered as the language model read it: said, so that the person knows it was a guess.</summary>
    public abstract string ModelInferred(string reading);

    /// <summary>A change read but not confirmed by the second reading: nothing changed; the change follows as a button.</summary>
    public abstract string ChangeOffered(IReadOnlyList<string> offers);

    /// <summary>A greeting, thanks or acknowledgement, answered briefly with a hint of what to ask.</summary>
    public abstract string SmallTalk(SmallTalkKind kind);

    /// <summary>The message a button sends: a command in its plain form, which the understanding reads back as <paramref name="command"/>.</summary>
    public abstract string CommandText(ChatCommand command);

    /// <summary>What a button for <paramref name="command"/> says (查看 T021, 标记 T021 完成).</summary>
    public abstract string ButtonLabel(ChatCommand command, DateOnly today);
}
