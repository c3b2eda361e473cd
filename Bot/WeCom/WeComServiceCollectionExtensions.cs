using CampaignBot.EvidenceFiles;
using CampaignBot.WeCom.Outgoing;

namespace CampaignBot.WeCom;

internal static class WeComServiceCollectionExtensions
{
    /// <summary>
    /// WeCom as a channel. Receiving and replying, the AI bot: its adapter, the msgid store, the long
    /// connection (which does nothing unless WeCom:BotId is set and the mode is LongConnection; started
    /// by the composition root); /api/wecom is mapped by <see cref="WeComCallbackEndpoint"/>. Sending:
    /// the outbox sender for WeCom chats (the AI bot's proactive send over that long connection, and
    /// the self-built app's message/send with its token), the per-recipient pace, and the evidence
    /// source that fetches and decrypts WeCom's media.
    /// </summary>
    internal static IServiceCollection AddWeCom(this IServiceCollection services)
    {
        services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || o.Mode != WeComMode.LongConnection || !string.IsNullOrWhiteSpace(o.BotSecret), "WeCom:BotSecret is needed with WeCom:BotId in LongConnection mode.")
            .Validate(o => !o.Enabled || o.Mode != WeComMode.Callback || (o.Token.Length > 0 && o.EncodingAESKey.Length == 43), "WeCom:Token and a 43-character WeCom:EncodingAESKey are needed in Callback mode.")
            .Validate(o => IsUrl(o.ApiBaseUrl, "https", "http") && IsUrl(o.WebSocketUrl, "wss", "ws"), "WeCom:ApiBaseUrl must be an absolute http(s) URL and WeCom:WebSocketUrl a ws(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<WeComStore>();
        services.AddSingleton<WeComAdapter>();
        services.AddSingleton<WeComLongConnection>();
        // The sending side's proactive sends (aibot_send_msg) go over the same socket.
        services.AddSingleton<IWeComLongConnection>(sp => sp.GetRequiredService<WeComLongConnection>());
        // Response urls carry their credential in the address: no request logging. No redirects.
        services.AddHttpClient(WeComCallbackReplies.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

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
        services.AddSingleton<IChannelFileSource, Files.WeComFileSource>();
        // The access token travels in the query string: no request logging; no redirects for it to follow.
        services.AddHttpClient(WeComHttp.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }

    private static bool IsUrl(string url, params string[] schemes) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme);
}
