using CampaignBot.Data;
using CampaignBot.Board;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Plans;
using CampaignBot.Seeding;
using CampaignBot.Ledger.ReadModels.Board;

namespace CampaignBot.Hosting;

internal static class LedgerServiceCollectionExtensions
{
    /// <summary>The SQLite ledger: storage options, migrations and seeding at start-up (<see cref="LedgerStartup"/>, started by <see cref="CampaignBotServiceCollectionExtensions"/>), repositories, domain services.</summary>
    internal static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LedgerDatabase>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<SampleCampaignSeeder>();
        services.AddSingleton<SampleCampaignRemover>();
        services.AddSingleton<Reminders.OfficialCalendar>();

        services.AddSingleton<TaskRepository>();
        services.AddSingleton<EvidenceRepository>();
        services.AddSingleton<DirectoryRepository>();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<AuditRepository>();
        services.AddSingleton<SnoozeRepository>();
        services.AddSingleton<CampaignRepository>();
        services.AddSingleton<BoardRepository>();
        services.AddSingleton<BoardChoices>();
        // The ledger's side of the outbox: its notices read back from payloads, whether a reminder is still owed, a notice's facts.
        services.AddSingleton<Outbox.IOutboxPayloadReader, NoticePayloads>();
        services.AddSingleton<Outbox.IOwedReminders, Ledger.ReadModels.OwedReminders>();
        services.AddSingleton<Ledger.ReadModels.NoticeFacts>();
        services.AddSingleton<Ledger.ReadModels.LedgerCounts>();
        services.AddSingleton<Ledger.ReadModels.OpenTaskTitles>();

        services.AddSingleton<TaskCompletion>();
        services.AddSingleton<ExtensionRequests>();
        services.AddSingleton<Handovers>();
        services.AddSingleton<ChangeUndo>();
        services.AddSingleton<ChatAdministration>();
        services.AddOptions<ImportLimits>().BindConfiguration(ImportLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PlanImporter>();
        services.AddSingleton<LedgerExporter>();

        services.AddHealthChecks().AddCheck<LedgerHealthCheck>("ledger");
        return services;
    }
}
