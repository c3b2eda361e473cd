using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// One run of the reminder duty: plan every send time that has passed and was not planned yet
/// (today's, and any missed while the service was down), keep only what is still useful, record it
/// in the outbox, and send what the outbox holds. Running it again sends nothing twice.
/// </summary>
public sealed class ReminderCycle(
    IReminderStore store, IOutboxDispatcher dispatcher, IOptions<ReminderOptions> options, CampaignClock clock, ILogger<ReminderCycle> logger,
    IEnumerable<ISendDayCheck> checks)
{
    private ReminderOptions Policy => options.Value;

    /// <summary>
    /// What a run at <paramref name="now"/> would record, without recording it: the send days that
    /// have passed since the last planned one (within the look-back), oldest reminders dropped.
    /// </summary>
    public async Task<ReminderPlan> PlanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var input = await store.LoadPlanningInputAsync(cancellationToken);
        var passed = SendSchedule.PassedSendDays(now, Policy.CatchUpLookbackDays, Policy.SendTimeLocal, clock.Zone, input.Calendar).ToList();
        if (passed.Count == 0)
        {
            return new ReminderPlan([], [], 0);
        }

        // Catch up forward from the last planned send day; a new installation starts with the latest
        // send time, not with two weeks of history.
        var last = await store.LastPlannedDayAsync(cancellationToken);
        var days = last is { } lastDay ? passed.Where(d => d > lastDay).ToList() : passed.Take(1).ToList();
        return Plan(days, input, SendSchedule.LocalDay(now, clock.Zone));
    }

    /// <summary>The reminders of the given send days that still help on <paramref name="today"/>.</summary>
    public ReminderPlan Plan(IReadOnlyList<DateOnly> days, PlanningInput input, DateOnly today)
    {
        var all = days
            .SelectMany(day => ReminderPlanner.PlanDay(day, input.Tasks, Policy, input.Calendar, input.Targets)
                .Select(r => new ScheduledReminder(r, day, SendSchedule.SendInstant(day, Policy.SendTimeLocal, clock.Zone))))
            .Concat(Reached(days, input))
            .ToList();

        // A missed reminder still helps before its deadline, or within the overdue window; of several
        // missed ones for the same task and chat only the latest is worth sending.
        var kept = all
            .Where(s => ReminderPlanner.UsefulUntil(s.Reminder.Kind, s.Reminder.Occurrence, Policy, input.Calendar) >= today)
            .GroupBy(s => (s.Reminder.TaskId, s.Reminder.Target, Category: Category(s.Reminder.Kind)))
            .Select(g => g.MaxBy(s => s.SendDay)!)
            .ToList();
        var unreached = days.SelectMany(day => ReminderPlanner.UnreachedOn(day, input.Tasks, Policy, input.Calendar, input.Targets)).ToList();
        return new ReminderPlan(days, kept, all.Count - kept.Count)
        {
            Unreached = unreached,
            ThroughPeople = days.SelectMany(day => ReminderPlanner.ThroughPeopleOn(day, input.Tasks, Policy, input.Calendar, input.Targets)).ToList(),
            Resolved = days.Count == 0 ? [] : [.. Reachable(input).Select(r => r.Missed)],
        };
    }

    /// <summary>
    /// Reminders that earlier found no chat, for offices that now have one: they go with the latest
    /// of these send days, if the task is still open on the same deadline (the usefulness check
    /// then drops what is stale, and a fresher reminder of the same task wins).
    /// </summary>
    private IEnumerable<ScheduledReminder> Reached(IReadOnlyList<DateOnly> days, PlanningInput input)
    {
        if (days.Count == 0)
        {
            yield break;
        }

        var latest = days.Max();
        foreach (var (missed, targets) in Reachable(input))
        {
            foreach (var target in targets)
            {
                yield return new ScheduledReminder(
                    new PlannedReminder(missed.TaskId, missed.Occurrence, missed.Kind, target), latest, SendSchedule.SendInstant(latest, Policy.SendTimeLocal, clock.Zone));
            }
        }
    }

    /// <summary>Earlier unreached reminders of tasks still open on the same deadline, whose office can be reached now (a chat, a robot or its people).</summary>
    private IEnumerable<(UnreachedReminder Missed, IReadOnlyList<MessageTarget> Targets)> Reachable(PlanningInput input)
    {
        var open = input.Tasks.Where(t => !t.IsDone).ToDictionary(t => t.Id);
        return input.Unreached
            .Where(u => open.TryGetValue(u.TaskId, out var task) && task.DueOn == u.Occurrence)
            .Select(u => (Missed: u, Targets: input.Targets.ForTaskOffice(open[u.TaskId], u.OfficeId, Policy.UnboundOfficeRecipientsOrDefault())))
            .Where(r => r.Targets.Count > 0);
    }

    public async Task<CycleResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(now, cancellationToken);
        var enqueued = 0;
        if (plan.Days.Count > 0)
        {
            enqueued = await store.EnqueueAsync(plan.Days, plan.Reminders, plan.Dropped, now, cancellationToken, plan.Unreached, plan.Resolved);
            if (plan.Days.Count > 1 || plan.Dropped > 0)
            {
                logger.LogWarning("Caught up {Days} missed send day(s) ({First}..{Last}): {Kept} reminder(s) still useful, {Dropped} stale dropped",
                    plan.Days.Count, plan.Days[^1], plan.Days[0], plan.Reminders.Count, plan.Dropped);
            }

            // Once a send day: a run that plans today (at the send time, or the start-up run after it).
            if (plan.Days.Contains(SendSchedule.LocalDay(now, clock.Zone)))
            {
                foreach (var check in checks)
                {
                    await check.RunAsync(SendSchedule.LocalDay(now, clock.Zone), now, cancellationToken);
                }
            }
        }

        var dispatch = await dispatcher.DispatchAsync(cancellationToken);
        logger.LogInformation("Reminder run at {Now}: {Enqueued} new reminder(s); sent {Sent}, failed {Failed}, cancelled {Cancelled}, chats gone {Gone}",
            now, enqueued, dispatch.Sent, dispatch.Failed, dispatch.Cancelled, dispatch.Gone);
        return new CycleResult(plan, enqueued, dispatch);
    }

    private static string Category(string kind) => kind is ReminderKinds.Escalation or ReminderKinds.Report ? kind : "reminder";
}
