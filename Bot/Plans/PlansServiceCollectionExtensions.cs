namespace CampaignBot.Plans;

internal static class PlansServiceCollectionExtensions
{
    /// <summary>Spreadsheet plans: the import (within its limits) and the export of the ledger.</summary>
    internal static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddOptions<ImportLimits>().BindConfiguration(ImportLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PlanImporter>();
        services.AddSingleton<LedgerExporter>();
        return services;
    }
}
