using CampaignBot.Backups;
using CampaignBot.Board;
using CampaignBot.Bots;
using CampaignBot.Chat;
using CampaignBot.Data;
using CampaignBot.DingTalk;
using CampaignBot.DirectLine;
using CampaignBot.EvidenceFiles;
using CampaignBot.Ledger;
using CampaignBot.Outbox;
using CampaignBot.Plans;
using CampaignBot.Reminders;
using CampaignBot.Robots;
using CampaignBot.Security;
using CampaignBot.Seeding;
using CampaignBot.Telemetry;
using CampaignBot.WeCom;

namespace CampaignBot.Hosting;

/// <summary>The one composition root: Program, the tests and the benchmark all compose the bot with <see cref="AddCampaignBot"/>.</summary>
public static class CampaignBotServiceCollectionExtensions
{
    /// <summary>
    /// Every area of the bot, then its hosted services in the order they must start. Callers replace
    /// what they need afterwards (a test's clock with <c>services.Replace</c>).
    /// </summary>
    public static IServiceCollection AddCampaignBot(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var register in Areas(configuration))
        {
            register(services);
        }

        return services.AddStartup(configuration);
    }

    /// <summary>
    /// One area per folder, each registered by that folder's own AddX (tested in
    /// RegistrationRulesTests), then what the host itself adds: the clock, the scheduler, metrics,
    /// logging and the health check. Each area registers only its own services and calls no other, so
    /// the order of this list does not matter (a test registers them reversed); what one area takes
    /// from another is resolved when the container builds it.
    /// </summary>
    internal static IReadOnlyList<Action<IServiceCollection>> Areas(IConfiguration configuration) =>
    [
        services => services.AddTelemetry(),
        services => services.AddSecurity(),
        services => services.AddLedgerDatabase(),
        services => services.AddOutbox(),
        services => services.AddLedger(),
        services => services.AddReminders(),
        services => services.AddRobots(),
        services => services.AddEvidenceFiles(),
        services => services.AddChat(),
        services => services.AddBotFramework(),
        services => services.AddDirectLine(configuration),
        services => services.AddDingTalk(),
        services => services.AddWeCom(),
        services => services.AddPlans(),
        services => services.AddBackups(),
        services => services.AddSeeding(),
        services => services.AddCampaignClock(),
        services => services.AddScheduler(configuration),
        services => services.AddCampaignMetrics(configuration),
        services => services.AddCampaignLogging(configuration),
        services => services.AddHealthChecks().AddCheck<LedgerHealthCheck>("ledger"),
    ];

    /// <summary>
    /// The host starts hosted services one after another in the order they were registered, so that
    /// order is written here, once: the ledger is migrated and seeded before anything reads it, the
    /// robot table is synced before the scheduler's start-up run sends to robots. Where the bot
    /// listens is recorded once it does, for the operator's commands.
    /// </summary>
    internal static IServiceCollection AddStartup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<LedgerStartup>();
        services.AddHostedService<DirectLine.ListeningAddressRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<EvidenceRetryService>());
        services.AddHostedService(sp => sp.GetRequiredService<DirectLine.RetentionSweep>());
        services.AddHostedService(sp => sp.GetRequiredService<DingTalkStreamClient>());
        services.AddHostedService(sp => sp.GetRequiredService<WeCom.WeComLongConnection>());
        services.AddHostedService<RobotStartup>();
        return services.AddSchedulerStart(configuration);
    }
}
