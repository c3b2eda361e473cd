using CampaignBot.Tests.Support;
using CampaignBot.Reminders;
using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignBot.Tests.Scheduling;

public class ReminderOptionsTests
{
    private static ReminderOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddReminders();
        return services.BuildServiceProvider().GetRequiredService<IOptions<ReminderOptions>>().Value;
    }

    [Fact]
    public void DaysBeforeDeadline_Configured_ReplacesTheDefaultRatherThanAddingToIt()
    {
        var options = Bind(new() { ["Reminders:Enabled"] = "false", ["Reminders:DaysBeforeDeadline:0"] = "2" });

        Assert.Equal([2], options.DaysBeforeDeadlineOrDefault());
    }

    [Fact]
    public void Defaults_RemindAsDesigned_AroundAFridayDeadline()
    {
        var options = Bind(new() { ["Reminders:Enabled"] = "false" });
        var targets = new ReminderTargets(
            new Dictionary<long, IReadOnlyList<MessageTarget>> { [1] = [new ChatTarget("msteams", "office")] }, new Dictionary<long, IReadOnlyList<MessageTarget>>(),
            [new ChatTarget("msteams", "leaders")]);
        var task = new ReminderTask(1, new DateOnly(2026, 6, 26), 1, [], null, false);

        // Every day from two weeks before the deadline to two weeks after, as the daily job plans them.
        var planned = Enumerable.Range(-14, 29).Select(offset => task.DueOn.AddDays(offset))
            .SelectMany(day => ReminderPlanner.PlanDay(day, [task], options, WorkdayCalendar.WeekdaysOnly, targets)
                .Select(r => $"{day:MM-dd} {r.Kind} {((ChatTarget)r.Target).ConversationId}"));

        // A week, three days, one day before and on the day; three overdue workdays, the leadership
        // told on the third; the weekly report on Mondays; sent at 09:00 Shanghai time.
        Assert.Equal(
        [
            "06-15 report leaders", "06-19 due-7 office", "06-22 report leaders", "06-23 due-3 office", "06-25 due-1 office", "06-26 due-0 office",
            "06-29 overdue-1 office", "06-29 report leaders", "06-30 overdue-2 office", "07-01 overdue-3 office", "07-01 escalation leaders",
            "07-06 report leaders",
        ], planned);
        Assert.Equal(new DateTimeOffset(2026, 6, 19, 1, 0, 0, TimeSpan.Zero), SendSchedule.SendInstant(new DateOnly(2026, 6, 19), options.SendTimeLocal, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
    }

    [Fact]
    public void RootAppSettings_BindsToTheSamePolicy()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Path, "appsettings.json")).Build();
        var options = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>()!;

        Assert.Equal([7, 3, 1, 0], options.DaysBeforeDeadlineOrDefault());
        Assert.Equal(new TimeOnly(9, 0), options.SendTimeLocal);
        Assert.Equal(ReminderOptions.DefaultUnboundOfficeRecipients, options.UnboundOfficeRecipientsOrDefault());
    }

    [Fact]
    public void UnboundOfficeRecipients_Configured_ReplacesTheDefault_AndNoneStandsAlone()
    {
        Assert.Equal([UnboundOfficeRecipient.Everyone], Bind(new() { ["Reminders:Enabled"] = "false", ["Reminders:UnboundOfficeRecipients:0"] = "Everyone" }).UnboundOfficeRecipientsOrDefault());
        Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Reminders:Enabled"] = "false", ["Reminders:UnboundOfficeRecipients:0"] = "None", ["Reminders:UnboundOfficeRecipients:1"] = "Lead",
        }));
    }
}
