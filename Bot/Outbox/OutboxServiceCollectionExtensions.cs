using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Outbox;

internal static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The one outbox: stored and claimed by its repository (written by the composer, sent by each
    /// channel's sender), counted as the dispatcher's view of it (docs/operations.md), and the kick
    /// that wakes the dispatcher.
    /// </summary>
    internal static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxRepository>();
        // The dispatcher's view counts what it finishes, per kind (docs/operations.md).
        services.AddSingleton<CountingOutbox>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<CountingOutbox>());
        services.AddSingleton<OutboxKick>();
        // What a committed write that queued a message wakes: the kick, found when first woken.
        services.AddSingleton(sp => new OutboxWake(() => sp.GetRequiredService<OutboxKick>().Kick()));
        return services;
    }
}
