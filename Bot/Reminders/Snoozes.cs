using System.Globalization;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;
using CampaignBot.Telemetry;
using Dapper;
using Microsoft.Extensions.Options;
using Quartz;

namespace CampaignBot.Reminders;

/// <summary>
/// 稍后提醒: a one-off Quartz trigger in the persistent store (so it survives a restart; if the
/// service is down at that moment it fires when it is back) that puts the task's reminder for that
/// chat in the outbox and sends it, on the chosen day at the send time. A task has at most one
/// pending snooze per chat (the snooze table, and one job key per task and chat): a new one replaces it.
/// </summary>
public sealed class Snoozes(
    LedgerDatabase database, AuditRepository audit, OutboxRepository outbox, TaskRepository tasks, SnoozeRepository snoozes, IOutboxDispatcher dispatcher, TimeProvider time, CampaignClock clock, IOptions<ReminderOptions> options, IServiceProvider services,
    CampaignMetrics metrics)
{
    public const string Group = "snoozes";

    /// <summary>When the reminder comes: the day's send time in the campaign's zone.</summary>
    public DateTimeOffset FireAt(DateOnly day) => SendSchedule.SendInstant(day, options.Value.SendTimeLocal, clock.Zone);

    /// <summary>
    /// Someone asks for a task's reminder again in this chat on <paramref name="day"/>. People the
    /// ledger does not know may ask, not schedule (a snooze is a scheduled job); the day is at most
    /// Reminders:MaxSnoozeDays ahead; a done task needs no reminder.
    /// </summary>
    public async Task<SnoozeOutcome> SnoozeAsync(ChatActor actor, string code, DateOnly day, ChatTarget target, CancellationToken cancellationToken)
    {
        if (actor.Person is not { } person)
        {
            return new SnoozeOutcome.UnknownPerson();
        }

        var latest = clock.Today.AddDays(options.Value.MaxSnoozeDays);
        if (day > latest)
        {
            return new SnoozeOutcome.TooFar(options.Value.MaxSnoozeDays, latest);
        }

        var task = await tasks.FindByCodeAsync(code, cancellationToken);
        if (task is null)
        {
            return new SnoozeOutcome.TaskNotFound(code);
        }

        if (task.IsDone)
        {
            return new SnoozeOutcome.AlreadyDone(task);
        }

        // Reminders go out on workdays: a rest day (过两天 on a Thursday is a Saturday) moves to the next workday.
        var on = await WorkdayOnOrAfterAsync(day, cancellationToken);
        var scheduled = await ScheduleAsync(actor, person, target, task, on, cancellationToken);
        return scheduled.Scheduled
            ? new SnoozeOutcome.Snoozed(task, on, options.Value.SendTimeLocal, scheduled.Replaced) { AuditId = scheduled.AuditId, AskedFor = on == day ? null : day }
            : new SnoozeOutcome.RemindersOff();
    }

    /// <summary><paramref name="day"/> if it is a workday of the ledger's calendar, else the next workday.</summary>
    public async Task<DateOnly> WorkdayOnOrAfterAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await WorkdayRepository.CalendarAsync(connection)).OnOrAfterWorkday(day);
    }

    /// <summary>Takes a snooze's trigger out of the scheduler (its row went with 撤销, in the ledger's transaction).</summary>
    public async Task UnscheduleAsync(long taskId, string targetKey, CancellationToken cancellationToken)
    {
        if (services.GetKeyedService<IScheduler>(options.Value.SchedulerName) is { } scheduler)
        {
            await scheduler.DeleteJob(new JobKey($"{taskId}@{targetKey}", Group), cancellationToken);
        }
    }

    private async Task<SnoozeScheduled> ScheduleAsync(ChatActor actor, Person person, ChatTarget target, LedgerTask task, DateOnly day, CancellationToken cancellationToken)
    {
        var (taskId, personId) = (task.Id, person.Id);
        // A named scheduler (AddQuartz(name, ...)) is registered under its name, and only where reminders are on.
        if (!options.Value.Enabled || services.GetKeyedService<IScheduler>(options.Value.SchedulerName) is not { } scheduler)
        {
            return new SnoozeScheduled(false, null);
        }

        long auditId = 0;
        var replaced = await database.WriteAsync(async (connection, transaction) =>
        {
            var earlier = await snoozes.DayAsync(transaction, taskId, target.Key);
            await snoozes.SetAsync(transaction, taskId, target.Key, day, personId, time.GetUtcNow());
            // Audited like any change of the task, so that 撤销 can take it back.
            auditId = await audit.AppendAsync(transaction,
                AuditEntry.ByChat(actor, person, time.GetUtcNow(), "task.snooze", "task", task.Code, earlier is { } e ? new { Day = e } : null, new { Day = day, Target = target.Key }));
            return earlier;
        }, cancellationToken);

        await TriggerAsync(scheduler, target.Key, taskId, day, cancellationToken);
        return new SnoozeScheduled(true, replaced) { AuditId = auditId };
    }

    /// <summary>The scheduled reminder of a snooze put back by 撤销 (its row already says the day, in the ledger's transaction).</summary>
    public async Task RescheduleAsync(long taskId, string targetKey, DateOnly day, CancellationToken cancellationToken)
    {
        if (options.Value.Enabled && services.GetKeyedService<IScheduler>(options.Value.SchedulerName) is { } scheduler)
        {
            await TriggerAsync(scheduler, targetKey, taskId, day, cancellationToken);
        }
    }

    /// <summary>One trigger per task and chat (a new one replaces it), firing at the day's send time, or at once if the service was down then.</summary>
    private async Task TriggerAsync(IScheduler scheduler, string targetKey, long taskId, DateOnly day, CancellationToken cancellationToken)
    {
        var key = new JobKey($"{taskId}@{targetKey}", Group);
        var job = JobBuilder.Create<SnoozeJob>().WithIdentity(key)
            .UsingJobData(SnoozeJob.TargetKey, targetKey)
            .UsingJobData(SnoozeJob.TaskKey, taskId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UsingJobData(SnoozeJob.DayKey, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name, Group).ForJob(key)
            .StartAt(FireAt(day))
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    /// <summary>Records the snoozed reminder once (a second firing finds it) and sends what the outbox holds.</summary>
    public async Task<int> SendAsync(ChatTarget target, long taskId, DateOnly day, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var added = await database.WriteAsync(async (connection, transaction) =>
        {
            // The occurrence is the task's deadline now, so the claim's check (done? deadline moved?) applies as to any reminder.
            // A snooze replaced since this trigger was set is not sent (a trigger from before the snooze table has no row).
            var pending = await snoozes.DayAsync(transaction, taskId, target.Key);
            if (pending is { } current && current != day)
            {
                return 0;
            }

            await snoozes.RemoveAsync(transaction, taskId, target.Key);
            var task = await tasks.ByIdAsync(transaction, taskId);
            var kind = $"snooze:{day:yyyy-MM-dd}";
            if (task is null || task.IsDone || await outbox.AnyRecordedAsync(transaction, taskId, kind, target))
            {
                return 0;
            }

            var reminder = new ScheduledReminder(new PlannedReminder(taskId, task.DueOn, kind, target), day, now);
            await outbox.EnqueueRemindersAsync(transaction, target, report: false, day, now, [reminder], now);
            return 1;
        }, cancellationToken);
        if (added > 0)
        {
            metrics.Planned("snooze");
        }

        await dispatcher.DispatchAsync(cancellationToken);
        return added;
    }
}
