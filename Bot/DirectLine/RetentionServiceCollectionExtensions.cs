namespace CampaignBot.DirectLine;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The retention settings and the sweep (started, after the ledger's migrations, by the composition root).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionSweep>();
        return services;
    }
}
