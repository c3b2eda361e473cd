namespace CampaignBot.Data;

internal static class DataServiceCollectionExtensions
{
    /// <summary>The SQLite file the ledger lives in: where it is, its connections and write transactions, and its migrations.</summary>
    internal static IServiceCollection AddLedgerDatabase(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LedgerDatabase>();
        services.AddSingleton<SchemaMigrator>();
        return services;
    }
}
