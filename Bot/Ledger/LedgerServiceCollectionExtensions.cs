using CampaignBot.Ledger.Repositories;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Delivery;

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

        services.AddSingleton<TaskCompletion>();
        services.AddSingleton<ExtensionRequests>();
        services.AddSingleton<Handovers>();
        services.AddSingleton<ChangeUndo>();
        services.AddSingleton<ChatAdministration>();
        // A chat the sender finds gone is unbound and the coordinators told; the outbox counts it.
        services.AddSingleton<RemovedChats>();
        services.AddSingleton<ITargetGoneHandler>(sp => new CountingTargetGone(sp.GetRequiredService<RemovedChats>(), sp.GetRequiredService<CountingOutbox>()));
        return services;
    }
}
