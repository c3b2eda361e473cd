using CampaignBot.EvidenceFiles;

namespace CampaignBot.DingTalk;

internal static class DingTalkServiceCollectionExtensions
{
    /// <summary>
    /// DingTalk's enterprise-app robot as a channel: its adapter, the app's API client and token, the
    /// stream connection (which does nothing unless DingTalk:ClientId is set and the mode is Stream;
    /// started by the composition root),
    /// the outbox sender and the file source for evidence. /api/dingtalk is mapped by <see cref="DingTalkCallbackEndpoint"/>.
    /// </summary>
    internal static IServiceCollection AddDingTalk(this IServiceCollection services)
    {
        services.AddOptions<DingTalkOptions>().BindConfiguration(DingTalkOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.ClientSecret), "DingTalk:ClientSecret is needed with DingTalk:ClientId.")
            .Validate(o => IsHttpUrl(o.ApiBaseUrl) && IsHttpUrl(o.WebhookBaseUrl), "DingTalk:ApiBaseUrl and DingTalk:WebhookBaseUrl must be absolute http(s) URLs.")
            .ValidateOnStart();
        services.AddSingleton<DingTalkStore>();
        services.AddSingleton<DingTalkAccessToken>();
        services.AddSingleton<DingTalkApi>();
        services.AddSingleton<DingTalkHeldFiles>();
        services.AddSingleton<DingTalkAdapter>();
        services.AddSingleton<Chat.Outgoing.IChannelSender, DingTalkSender>();
        services.AddSingleton<IChannelFileSource, DingTalkFileSource>();
        services.AddSingleton<DingTalkStreamGateway>();
        services.AddSingleton<DingTalkStreamClient>();
        // Session webhooks carry their credential in the address, and tokens travel in headers: no request logging.
        // No redirects: DingTalk's token header would follow one anywhere (only Authorization is dropped).
        services.AddHttpClient(DingTalkApi.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
