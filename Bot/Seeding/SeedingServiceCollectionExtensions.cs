namespace CampaignBot.Seeding;

internal static class SeedingServiceCollectionExtensions
{
    /// <summary>The sample campaign: seeded into an empty ledger at start-up (when configured), removed by the operator's verb.</summary>
    internal static IServiceCollection AddSeeding(this IServiceCollection services)
    {
        services.AddSingleton<SampleCampaignSeeder>();
        services.AddSingleton<SampleCampaignRemover>();
        return services;
    }
}
