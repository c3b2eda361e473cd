using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// Decides which reminders fall on a send day. Pure: tasks, policy, workday calendar and the day are
/// all arguments, so every rule is testable without a clock, a database or a chat.
/// </summary>
public static class ReminderPlanner
{
    /// <summary>
    /// The reminders due on <paramref name="day"/> (a calendar date in the campaign's time zone).
    /// Nothing is sent on days off. Before the deadline an office is reminded on each configured
    /// offset, moved back to the previous workday when it falls on a day off; after it, on each of
    /// the first overdue workdays; on the escalation workday the leadership is told as well.
    /// </summary>
    public static IReadOnlyList<PlannedReminder> PlanDay(
        DateOnly day, IEnumerable<ReminderTask> tasks, ReminderOptions policy, IWorkdayCalendar calendar, ReminderTargets targets)
    {
        var planned = new List<PlannedReminder>();
        if (!calendar.IsWorkday(day))
        {
            return planned;
        }

        var recipients = policy.UnboundOfficeRecipientsOrDefault();
        foreach (var task in tasks.Where(t => !t.IsDone))
        {
            if (KindOn(day, task.DueOn, policy, calendar) is { } kind)
            {
                // An office with no chat is reached through its people's 1:1 chats; a person who is
                // owner and lead, or reached for two offices, gets the task once (targets are distinct,
                // and the outbox joins one chat's reminders into one message).
                var taskTargets = new[] { task.LeadOfficeId }.Concat(task.CoOfficeIds).SelectMany(office => targets.ForTaskOffice(task, office, recipients))
                    .Concat(task.OwnerId is { } owner ? targets.ForPerson(owner) : [])
                    .Distinct();
                planned.AddRange(taskTargets.Select(target => new PlannedReminder(task.Id, task.DueOn, kind, target)));
            }

            if (policy.EscalateOnOverdueWorkday > 0 && day > task.DueOn && calendar.NthWorkdayAfter(task.DueOn, policy.EscalateOnOverdueWorkday) == day)
            {
                planned.AddRange(targets.ForCoordinators().Select(target => new PlannedReminder(task.Id, task.DueOn, ReminderKinds.Escalation, target)));
            }
        }

        if (day == ReportDay(day, policy, calendar))
        {
            var monday = MondayOf(day);
            planned.AddRange(targets.ForReport().Select(target => new PlannedReminder(null, monday, ReminderKinds.Report, target)));
        }

        return planned;
    }

    /// <summary>
    /// The reminders due on <paramref name="day"/> for offices that nothing reaches (no chat bound,
    /// no robot, none of its people to go to): one per task and office, lead or co-office, so the
    /// operator and the report can say who cannot be reached.
    /// </summary>
    public static IReadOnlyList<UnreachedReminder> UnreachedOn(
        DateOnly day, IEnumerable<ReminderTask> tasks, ReminderOptions policy, IWorkdayCalendar calendar, ReminderTargets targets) =>
        OfficesDueOn(day, tasks, policy, calendar)
            .Where(due => targets.ForTaskOffice(due.Task, due.OfficeId, policy.UnboundOfficeRecipientsOrDefault()).Count == 0)
            .Select(due => new UnreachedReminder(due.Task.Id, due.Task.DueOn, due.Kind, due.OfficeId, day))
            .ToList();

    /// <summary>
    /// The reminders due on <paramref name="day"/> for offices with no chat and no robot that reach
    /// them through their people's 1:1 chats: one per task and office, with the people.
    /// </summary>
    public static IReadOnlyList<PeopleReach> ThroughPeopleOn(
        DateOnly day, IEnumerable<ReminderTask> tasks, ReminderOptions policy, IWorkdayCalendar calendar, ReminderTargets targets) =>
        OfficesDueOn(day, tasks, policy, calendar)
            .Select(due => new PeopleReach(due.Task.Id, due.OfficeId, targets.PeopleReaching(due.Task, due.OfficeId, policy.UnboundOfficeRecipientsOrDefault())))
            .Where(reach => reach.People.Count > 0)
            .ToList();

    /// <summary>Each open task reminded on <paramref name="day"/>, once per office it concerns (lead or co-office), with the reminder's kind.</summary>
    private static IEnumerable<(ReminderTask Task, string Kind, long OfficeId)> OfficesDueOn(
        DateOnly day, IEnumerable<ReminderTask> tasks, ReminderOptions policy, IWorkdayCalendar calendar) =>
        !calendar.IsWorkday(day)
            ? []
            : tasks.Where(t => !t.IsDone)
                .SelectMany(task => KindOn(day, task.DueOn, policy, calendar) is { } kind
                    ? new[] { task.LeadOfficeId }.Concat(task.CoOfficeIds).Distinct().Select(office => (task, kind, office))
                    : []);

    /// <summary>The kind of reminder a task with this deadline gets on <paramref name="day"/>, if any.</summary>
    public static string? KindOn(DateOnly day, DateOnly dueOn, ReminderOptions policy, IWorkdayCalendar calendar)
    {
        if (day <= dueOn)
        {
            // When several offsets land on the same workday (a Monday deadline: T-1 and T-3 both
            // move to Friday) the most urgent one speaks for them.
            foreach (var daysBefore in policy.DaysBeforeDeadlineOrDefault().Where(d => d >= 0).Order())
            {
                if (calendar.OnOrBeforeWorkday(dueOn.AddDays(-daysBefore)) == day)
                {
                    return ReminderKinds.Due(daysBefore);
                }
            }

            return null;
        }

        for (var n = 1; n <= policy.OverdueReminderWorkdays; n++)
        {
            if (calendar.NthWorkdayAfter(dueOn, n) == day)
            {
                return ReminderKinds.Overdue(n);
            }
        }

        return null;
    }

    /// <summary>The last day on which a reminder for this deadline still helps: the deadline, or the end of the overdue window.</summary>
    public static DateOnly UsefulUntil(string kind, DateOnly dueOn, ReminderOptions policy, IWorkdayCalendar calendar) =>
        ReminderKinds.IsDue(kind) ? dueOn
        : ReminderKinds.IsOverdue(kind) ? calendar.NthWorkdayAfter(dueOn, Math.Max(1, Math.Max(policy.OverdueReminderWorkdays, policy.EscalateOnOverdueWorkday)))
        : MondayOf(dueOn).AddDays(6);

    /// <summary>The day of the weekly report in <paramref name="day"/>'s week: the configured weekday, or the next workday of that week.</summary>
    public static DateOnly? ReportDay(DateOnly day, ReminderOptions policy, IWorkdayCalendar calendar)
    {
        var monday = MondayOf(day);
        var offset = ((int)policy.WeeklyReportDay + 6) % 7;
        for (var candidate = monday.AddDays(offset); candidate <= monday.AddDays(6); candidate = candidate.AddDays(1))
        {
            if (calendar.IsWorkday(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
