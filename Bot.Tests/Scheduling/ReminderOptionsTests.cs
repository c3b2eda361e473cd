using CampaignBot.Tests.Support;
using CampaignBot.Hosting;
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
        services.AddReminders(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<ReminderOptions>>().Value;
    }

    [Fact]
    public void DaysBeforeDeadline_Configured_ReplacesTheDefaultRatherThanAddingToIt()
    {
        var options = Bind(new() { ["Reminders:Enabled"] = "false", ["Reminders:DaysBeforeDeadline:0"] = "2" });

        Assert.Equal([2], options.DaysBeforeDeadlineOrDefault());
    }

    [Fact]
    public void Defaults_AreTheDesignedPolicy()
    {
        var options = Bind(new() { ["Reminders:Enabled"] = "false" });

        Assert.Equal([7, 3, 1, 0], options.DaysBeforeDeadlineOrDefault());
        Assert.Equal((new TimeOnly(9, 0), 3, 3, DayOfWeek.Monday), (options.SendTimeLocal, options.OverdueReminderWorkdays, options.EscalateOnOverdueWorkday, options.WeeklyReportDay));
    }

    [Fact]
    public void RootAppSettings_BindsToTheSamePolicy()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Path, "appsettings.json")).Build();
        var options = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>()!;

        Assert.Equal([7, 3, 1, 0], options.DaysBeforeDeadlineOrDefault());
        Assert.Equal(new TimeOnly(9, 0), options.SendTimeLocal);
    }
}
