using CampaignBot.EvidenceFiles;
using CampaignBot.WeCom.Outgoing;

namespace CampaignBot.Hosting;

internal static class WeComOutgoingServiceCollectionExtensions
{
    /// <summary>
    /// WeCom's sending side: the outbox sender for WeCom chats (the AI bot's proactive send over the
    /// long connection the receiving side registers as <see cref="WeCom.IWeComLongConnection"/>, and the
    /// self-built app's message/send with its token), the per-recipient pace, and the evidence source
    /// that fetches and decrypts WeCom's media.
    /// </summary>
    internal static IServiceCollection AddWeComOutgoing(this IServiceCollection services)
    {
        services.AddOptions<WeComAppOptions>().BindConfiguration(WeComAppOptions.Section).ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp),
                "WeCom:ApiBaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.CorpId.Length == 0 && o.AppSecret.Length == 0 || o.AppEnabled,
                "WeCom:CorpId, WeCom:AgentId and WeCom:AppSecret go together (the self-built app for 1:1 sends).")
            .ValidateOnStart();
        services.AddSingleton<WeComAppToken>();
        services.AddSingleton<WeComApp>();
        services.AddSingleton<WeComSendPace>();
        services.AddSingleton<Chat.Outgoing.IChannelSender, WeComSender>();
        services.AddSingleton<IChannelFileSource, CampaignBot.WeCom.Files.WeComFileSource>();
        // The access token travels in the query string: no request logging; no redirects for it to follow.
        services.AddHttpClient(WeComHttp.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
