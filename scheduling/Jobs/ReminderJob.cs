using CampaignBot.Scheduling.Reminders;
using Quartz;

namespace CampaignBot.Scheduling.Jobs;

/// <summary>
/// The reminder duty, fired by Quartz at the daily send time and once at start-up (to catch up
/// what was missed while the service was down). Never two at once: the outbox is safe either way,
/// but a second run would only wait on the first.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderCycle cycle, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("reminders", "campaignbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await cycle.RunAsync(time.GetUtcNow(), cancellationToken);
}
