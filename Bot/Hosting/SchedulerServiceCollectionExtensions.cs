using CampaignBot.Backups;
using CampaignBot.Data;
using CampaignBot.Scheduling.Jobs;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Security;
using Microsoft.Data.Sqlite;
using Quartz;

namespace CampaignBot.Hosting;

internal static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with its persistent store, running the jobs of two folders: the reminder job daily at
    /// the send time and once at start-up (which is how send times missed while the service was down
    /// are caught up), and the nightly backup. Nothing is scheduled when reminders are off.
    /// </summary>
    internal static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        // Quartz's triggers are made here, before the container exists, so their settings are read directly.
        var reminders = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>() ?? new ReminderOptions();
        if (!reminders.Enabled)
        {
            return services;
        }

        var campaign = configuration.GetSection(CampaignOptions.Section).Get<CampaignOptions>() ?? new CampaignOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var schedulerFile = Path.GetFullPath(storage.SchedulerDatabasePath);
        PrivateFiles.EnsureFile(schedulerFile);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(campaign.TimeZone);

        services.AddQuartz(reminders.SchedulerName, q =>
        {
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(new SqliteConnectionStringBuilder { DataSource = schedulerFile, Pooling = true }.ToString());
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            q.AddJob<ReminderJob>(job => job.WithIdentity(ReminderJob.Key).StoreDurably());

            // Every day at the send time; the job sends nothing on days off. If the service was down
            // at a send time, Quartz fires once (not once per missed day) and the job catches up.
            q.AddTrigger(trigger => trigger.ForJob(ReminderJob.Key).WithIdentity("reminders-daily", "campaignbot")
                .WithCronSchedule($"0 {reminders.SendTimeLocal.Minute} {reminders.SendTimeLocal.Hour} ? * *",
                    cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

            // Triggers configured here are rewritten at every start, which resets Quartz's own misfire
            // record; this one-off run catches up from the outbox's record of planned days instead.
            q.AddTrigger(trigger => trigger.ForJob(ReminderJob.Key).WithIdentity("reminders-at-start-up", "campaignbot").StartNow());

            q.AddNightlyBackup(configuration, zone);
        });
        return services;
    }

    /// <summary>
    /// Starts the scheduler (when reminders are enabled); registered last of the hosted services by
    /// <see cref="CampaignBotServiceCollectionExtensions"/>, so that the ledger is migrated and the robots synced first.
    /// </summary>
    internal static IServiceCollection AddSchedulerStart(this IServiceCollection services, IConfiguration configuration)
    {
        var reminders = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>() ?? new ReminderOptions();
        if (reminders.Enabled)
        {
            services.AddQuartzHostedService(reminders.SchedulerName, options => options.WaitForJobsToComplete = true);
        }

        return services;
    }
}
