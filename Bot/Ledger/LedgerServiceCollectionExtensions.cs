using CampaignBot.Ledger.ReadModels;
using CampaignBot.Ledger.ReadModels.Board;
using CampaignBot.Ledger.Reminders;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;

namespace CampaignBot.Ledger;

internal static class LedgerServiceCollectionExtensions
{
    /// <summary>
    /// The ledger: its repositories and its decisions (each change in one transaction with its audit
    /// row and the notices it owes), and what it does when a chat is gone. Its database is
    /// <c>Data.AddLedgerDatabase</c>'s; migrating and seeding it at start-up is the host's (<c>Hosting.LedgerStartup</c>).
    /// </summary>
    internal static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddSingleton<TaskRepository>();
        services.AddSingleton<EvidenceRepository>();
        services.AddSingleton<EvidenceFileRepository>();
        services.AddSingleton<DirectoryRepository>();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<AuditRepository>();
        services.AddSingleton<CampaignRepository>();
        services.AddSingleton<SnoozeRepository>();
        services.AddSingleton<RobotRepository>();
        services.AddSingleton<UnderstandingMissRepository>();

        // Read models: the board's, the reminder planner's store, the counts the gauges and the
        // health check read, the model's candidate tasks.
        services.AddSingleton<BoardRepository>();
        services.AddSingleton<BoardChoices>();
        services.AddSingleton<IReminderStore, SqliteReminderStore>();
        services.AddSingleton<LedgerCounts>();
        services.AddSingleton<OpenTaskTitles>();

        // The ledger's side of the outbox: its notices read back from payloads, whether a reminder
        // is still owed, a notice's facts.
        services.AddSingleton<IOutboxPayloadReader, NoticePayloads>();
        services.AddSingleton<IOwedReminders, OwedReminders>();
        services.AddSingleton<NoticeFacts>();

        services.AddSingleton<TaskCompletion>();
        services.AddSingleton<ExtensionRequests>();
        services.AddSingleton<Handovers>();
        services.AddSingleton<ChangeUndo>();
        services.AddSingleton<ChatAdministration>();
        services.AddSingleton<RobotAdministration>();
        // A chat the sender finds gone is unbound and the coordinators told; the outbox counts it.
        services.AddSingleton<RemovedChats>();
        services.AddSingleton<ITargetGoneHandler>(sp => new CountingTargetGone(sp.GetRequiredService<RemovedChats>(), sp.GetRequiredService<CountingOutbox>()));
        return services;
    }
}
