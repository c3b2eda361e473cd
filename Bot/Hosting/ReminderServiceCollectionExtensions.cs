using CampaignBot.Bots;
using CampaignBot.Chat.Outgoing;
using CampaignBot.Data;
using CampaignBot.Ledger;
using CampaignBot.Outbox;
using CampaignBot.Reminders;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Jobs;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Data.Sqlite;
using Quartz;
using CampaignBot.Security;
using CampaignBot.Ledger.Reminders;

namespace CampaignBot.Hosting;

internal static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Reminders: the planner's store and the outbox over the ledger, the senders (Bot Framework, robots), and
    /// Quartz with its persistent store running the reminder job daily at the send time and once at
    /// start-up (which is how send times missed while the service was down are caught up).
    /// </summary>
    internal static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.DaysBeforeDeadline.All(d => d is >= 0 and <= 366), "Reminders:DaysBeforeDeadline must be days from 0 to 366.")
            .Validate(o => o.UnboundOfficeRecipients.Length <= 1 || !o.UnboundOfficeRecipients.Contains(UnboundOfficeRecipient.None),
                "Reminders:UnboundOfficeRecipients: None means nobody and stands alone; or list Owner, Lead, Everyone.")
            .ValidateOnStart();
        services.AddSingleton<IReminderStore, SqliteReminderStore>();
        // The one outbox: stored and claimed by its repository, written by the composer, sent by each channel's sender.
        services.AddSingleton<OutboxRepository>();
        // What a committed write that queued a message wakes: the kick, found when first woken (the dispatcher reads this outbox).
        services.AddSingleton(sp => new OutboxWake(() => sp.GetRequiredService<OutboxKick>().Kick()));
        // The dispatcher's view counts what it finishes, per kind (docs/operations.md).
        services.AddSingleton<CountingOutbox>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<CountingOutbox>());
        services.AddSingleton<IMessageComposer<OutgoingMessage>, OutgoingMessageComposer>();
        services.AddSingleton<NoticeComposer>();
        // The report's words, for the Monday send and for 本周通报 in chat.
        services.AddSingleton<WeeklyReportWriter>();
        services.AddSingleton<ChatNames>();
        services.AddSingleton<ReachReport>();
        services.AddSingleton<IMessageSender<OutgoingMessage>, RoutingMessageSender>();
        services.AddSingleton<BotFrameworkSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<BotFrameworkSender>());
        services.AddSingleton<IChannelSender, RobotMessageSender>();
        services.AddSingleton<RemovedChats>();
        services.AddSingleton<ITargetGoneHandler>(sp => new CountingTargetGone(sp.GetRequiredService<RemovedChats>(), sp.GetRequiredService<CountingOutbox>()));
        services.AddSingleton<ReminderDispatcher<OutgoingMessage>>();
        services.AddSingleton<IOutboxDispatcher>(sp => sp.GetRequiredService<ReminderDispatcher<OutgoingMessage>>());
        // Checks made once per send day (the holiday table running out, told to the coordinators).
        services.AddSingleton<ISendDayCheck, HolidayTableWatch>();
        services.AddSingleton<ReminderCycle>();
        services.AddSingleton<Snoozes>();
        services.AddSingleton<OutboxKick>();

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
    internal static IServiceCollection AddReminderScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var reminders = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>() ?? new ReminderOptions();
        if (reminders.Enabled)
        {
            services.AddQuartzHostedService(reminders.SchedulerName, options => options.WaitForJobsToComplete = true);
        }

        return services;
    }
}
