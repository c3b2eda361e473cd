using CampaignBot.WeCom;

namespace CampaignBot.Hosting;

internal static class WeComServiceCollectionExtensions
{
    /// <summary>
    /// WeCom's AI bot as a channel, receiving and replying: its adapter, the msgid store, the long
    /// connection (which does nothing unless WeCom:BotId is set and the mode is LongConnection; started
    /// by <see cref="CampaignBotServiceCollectionExtensions"/>). /api/wecom is mapped by <see cref="WeComCallbackEndpoint"/>.
    /// </summary>
    internal static IServiceCollection AddWeComInbound(this IServiceCollection services)
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
        return services;
    }

    private static bool IsUrl(string url, params string[] schemes) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme);
}
