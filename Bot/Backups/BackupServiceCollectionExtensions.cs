using CampaignBot.Data;
using CampaignBot.DirectLine;
using CampaignBot.EvidenceFiles;
using Microsoft.Extensions.Options;
using Quartz;

namespace CampaignBot.Backups;

internal static class BackupServiceCollectionExtensions
{
    /// <summary>Backups: the one writer, the nightly copies, restore, and the guard the schema migrator asks before it opens and migrates the ledger.</summary>
    internal static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => BackupLayout.From(
            sp.GetRequiredService<IOptions<StorageOptions>>(), sp.GetRequiredService<IOptions<EvidenceOptions>>(), sp.GetRequiredService<IOptions<DirectLineOptions>>()));
        services.AddSingleton<BackupWriter>();
        services.AddSingleton<NightlyBackups>();
        services.AddSingleton<BackupRestore>();
        services.AddSingleton<LedgerGuard>();
        services.AddSingleton<ILedgerGuard>(sp => sp.GetRequiredService<LedgerGuard>());
        return services;
    }

    /// <summary>The nightly backup on the reminders' scheduler, at `Backup:TimeOfDay` in the campaign's zone.</summary>
    internal static void AddNightlyBackup(this IQuartzBuilder quartz, IConfiguration configuration, TimeZoneInfo zone)
    {
        var backup = configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions();
        if (!backup.Nightly)
        {
            return;
        }

        quartz.AddJob<NightlyBackupJob>(job => job.WithIdentity(NightlyBackupJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger.ForJob(NightlyBackupJob.Key).WithIdentity(NightlyBackupJob.TriggerKey)
            .WithCronSchedule($"0 {backup.TimeOfDay.Minute} {backup.TimeOfDay.Hour} ? * *",
                cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
