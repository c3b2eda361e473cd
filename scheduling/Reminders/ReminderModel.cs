using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>What the planner needs to know of a task.</summary>
public sealed record ReminderTask(long Id, DateOnly DueOn, long LeadOfficeId, IReadOnlyList<long> CoOfficeIds, long? OwnerId, bool IsDone);

/// <summary>
/// Where reminders can go: chats bound to each office, 1:1 chats of people who subscribed to their
/// own tasks, and the chats of the leadership group office (escalations and the weekly report).
/// A target is a chat or a group robot (<see cref="MessageTarget"/>).
/// </summary>
public sealed record ReminderTargets(
    IReadOnlyDictionary<long, IReadOnlyList<MessageTarget>> ByOffice,
    IReadOnlyDictionary<long, IReadOnlyList<MessageTarget>> ByPerson,
    IReadOnlyList<MessageTarget> Leadership)
{
    public static readonly ReminderTargets None = new(new Dictionary<long, IReadOnlyList<MessageTarget>>(), new Dictionary<long, IReadOnlyList<MessageTarget>>(), []);

    public IReadOnlyList<MessageTarget> ForOffice(long officeId) => ByOffice.TryGetValue(officeId, out var targets) ? targets : [];

    public IReadOnlyList<MessageTarget> ForPerson(long personId) => ByPerson.TryGetValue(personId, out var targets) ? targets : [];
}

public static class ReminderKinds
{
    public const string Escalation = "escalation";
    public const string Report = "report";

    public static string Due(int daysBefore) => $"due-{daysBefore}";

    public static string Overdue(int workday) => $"overdue-{workday}";

    public static bool IsDue(string kind) => kind.StartsWith("due-", StringComparison.Ordinal);

    public static bool IsOverdue(string kind) => kind.StartsWith("overdue-", StringComparison.Ordinal) || kind == Escalation;
}

/// <summary>
/// One reminder: for a task's occurrence (its deadline), of a kind, to a target. The four together
/// are its identity; the outbox records each once. The weekly report has no task and its
/// occurrence is the Monday of its week.
/// </summary>
public sealed record PlannedReminder(long? TaskId, DateOnly Occurrence, string Kind, MessageTarget Target);

/// <summary>
/// A reminder that had nowhere to go: due for an office with no chat bound and no robot. Kept, so
/// that a chat bound later gets it at the next send time while it still helps.
/// </summary>
public sealed record UnreachedReminder(long TaskId, DateOnly Occurrence, string Kind, long OfficeId, DateOnly SendDay);
