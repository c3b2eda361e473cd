using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Reminders;

namespace CampaignBot.Reminders;

internal static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Reminders: their settings (the planner's store over the ledger is the ledger's), the cycle the daily job runs
    /// (with the checks made once per send day), snoozes and the shipped holiday calendar. The
    /// scheduler that runs the job is the host's (<c>Hosting.AddScheduler</c>).
    /// </summary>
    internal static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.DaysBeforeDeadline.All(d => d is >= 0 and <= 366), "Reminders:DaysBeforeDeadline must be days from 0 to 366.")
            .Validate(o => o.UnboundOfficeRecipients.Length <= 1 || !o.UnboundOfficeRecipients.Contains(UnboundOfficeRecipient.None),
                "Reminders:UnboundOfficeRecipients: None means nobody and stands alone; or list Owner, Lead, Everyone.")
            .ValidateOnStart();
        services.AddSingleton<OfficialCalendar>();
        // Checks made once per send day (the holiday table running out, told to the coordinators).
        services.AddSingleton<ISendDayCheck, HolidayTableWatch>();
        services.AddSingleton<ReminderCycle>();
        services.AddSingleton<Snoozes>();
        return services;
    }
}
