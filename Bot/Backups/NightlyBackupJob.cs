using Quartz;

namespace CampaignBot.Backups;

/// <summary>The nightly backup, fired by Quartz at `Backup:TimeOfDay` in the campaign's time zone.</summary>
[DisallowConcurrentExecution]
public sealed class NightlyBackupJob(NightlyBackups backups) : IJob
{
    public static readonly JobKey Key = new("backup-nightly", "campaignbot");

    public static readonly TriggerKey TriggerKey = new("backup-nightly", "campaignbot");

    // A failure is logged by NightlyBackups and leaves the older copies; Quartz has nothing to retry.
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await backups.RunAsync(cancellationToken);
}
