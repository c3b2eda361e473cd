using CampaignBot.Data;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;
using Dapper;
using Microsoft.Extensions.Options;
using Quartz;

namespace CampaignBot.Reminders;

/// <summary>
/// 稍后提醒: a one-off Quartz trigger in the persistent store (so it survives a restart; if the
/// service is down at that moment it fires when it is back) that puts the task's reminder for that
/// chat in the outbox and sends it, on the chosen day at the send time.
/// </summary>
public sealed class Snoozes(
    LedgerDatabase database, ReminderDispatcher dispatcher, TimeProvider time, CampaignClock clock, IOptions<ReminderOptions> options, IServiceProvider services)
{
    public const string Group = "snoozes";

    /// <summary>When the reminder comes: the day's send time in the campaign's zone.</summary>
    public DateTimeOffset FireAt(DateOnly day) => SendSchedule.SendInstant(day, options.Value.SendTimeLocal, clock.Zone);

    /// <returns>False when reminders are off here (no scheduler).</returns>
    public async Task<bool> ScheduleAsync(string target, long taskId, DateOnly day, CancellationToken cancellationToken)
    {
        // A named scheduler (AddQuartz(name, ...)) is registered under its name, and only where reminders are on.
        if (!options.Value.Enabled || services.GetKeyedService<IScheduler>(options.Value.SchedulerName) is not { } scheduler)
        {
            return false;
        }

        var key = new JobKey($"{taskId}-{day:yyyyMMdd}-{Guid.NewGuid():N}", Group);
        var job = JobBuilder.Create<SnoozeJob>().WithIdentity(key)
            .UsingJobData(SnoozeJob.TargetKey, target)
            .UsingJobData(SnoozeJob.TaskKey, taskId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UsingJobData(SnoozeJob.DayKey, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name, Group).ForJob(key)
            .StartAt(FireAt(day))
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Records the snoozed reminder once (a second firing finds it) and sends what the outbox holds.</summary>
    public async Task<int> SendAsync(string target, long taskId, DateOnly day, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var added = await database.WriteAsync(async (connection, transaction) =>
        {
            // The occurrence is the task's deadline now, so the claim's check (done? deadline moved?) applies as to any reminder.
            var dueOn = await connection.ExecuteScalarAsync<string?>("SELECT due_on FROM task WHERE id = @Id AND status = 'open'", new { Id = taskId }, transaction);
            var kind = $"snooze:{day:yyyy-MM-dd}";
            if (dueOn is null || await connection.ExecuteScalarAsync<bool>(
                    "SELECT EXISTS (SELECT 1 FROM reminder WHERE task_id = @TaskId AND kind = @Kind AND target = @Target)", new { TaskId = taskId, Kind = kind, Target = target }, transaction))
            {
                return 0;
            }

            var at = UtcText.Format(now);
            var messageId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO outbox_message (target, kind, send_day, planned_at, updated_at) VALUES (@Target, 'reminders', @Day, @At, @At) RETURNING id",
                new { Target = target, Day = day, At = at }, transaction);
            return await connection.ExecuteAsync(
                "INSERT INTO reminder (task_id, occurrence, kind, target, planned_at, message_id) VALUES (@TaskId, @DueOn, @Kind, @Target, @At, @MessageId)",
                new { TaskId = taskId, DueOn = dueOn, Kind = kind, Target = target, At = at, MessageId = messageId }, transaction);
        }, cancellationToken);
        await dispatcher.DispatchAsync(cancellationToken);
        return added;
    }
}

/// <summary>Fires a snooze: the reminder again in the chat that asked.</summary>
public sealed class SnoozeJob(Snoozes snoozes) : IJob
{
    public const string TargetKey = "target";
    public const string TaskKey = "task";
    public const string DayKey = "day";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        await snoozes.SendAsync(
            data.GetString(TargetKey)!,
            long.Parse(data.GetString(TaskKey)!, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(data.GetString(DayKey)!, System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken);
    }
}
