using CampaignBot.Scheduling.Delivery;
using Quartz;

namespace CampaignBot.Reminders;

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
            (ChatTarget)MessageTarget.Parse(data.GetString(TargetKey)!),
            long.Parse(data.GetString(TaskKey)!, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(data.GetString(DayKey)!, System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken);
    }
}
