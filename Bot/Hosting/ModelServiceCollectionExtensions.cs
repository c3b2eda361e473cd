using CampaignBot.Chat.ModelReading;

namespace CampaignBot.Hosting;

internal static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Understanding:Model (issue 27): the optional language model asked about messages the rules
    /// missed. Always registered; without an endpoint it is off and the router never calls it.
    /// </summary>
    internal static IServiceCollection AddUnderstandingModel(this IServiceCollection services)
    {
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section);
        // No request logging (the key is a header, the body is a person's message), no redirects
        // (a redirect could lead off the allowed host).
        services.AddHttpClient(ModelChatClient.HttpClientName).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        services.AddSingleton<ModelChatClient>();
        services.AddSingleton<ModelMetrics>();
        services.AddSingleton<TaskTitleMatches>();
        services.AddSingleton<ModelSuggester>();
        return services;
    }
}
