namespace CampaignBot.EvidenceFiles;

internal static class EvidenceFilesServiceCollectionExtensions
{
    /// <summary>
    /// Evidence files kept by the bot: the store, the collector that fetches them when they arrive
    /// (with a channel's credentials where needed, <see cref="IChannelFileCredentials"/>), and the background retry (started by the composition root).
    /// </summary>
    internal static IServiceCollection AddEvidenceFiles(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EvidenceFileStore>();
        services.AddSingleton<EvidenceLinkPolicy>();
        services.AddSingleton<ChannelFileKeys>();
        services.AddSingleton<EvidenceCollector>();
        services.AddSingleton<EvidenceRetryService>();
        services.AddSingleton<EvidenceBinder>();
        // Evidence links carry pre-authorised tokens (a Teams file's downloadUrl): no request logging.
        // Redirects are followed by the collector, each hop checked like the link itself.
        services.AddHttpClient(EvidenceCollector.HttpClientName).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
