using CampaignBot.Board;
using CampaignBot.Bots;
using CampaignBot.Chat;
using CampaignBot.Chat.Handlers;
using CampaignBot.DingTalk;
using CampaignBot.DirectLine;
using CampaignBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace CampaignBot.Hosting;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework side: authentication from the MicrosoftApp* settings (anonymous when no app
    /// id is set, connector clients shared), one adapter for /api/messages and, as CloudAdapter, for
    /// proactive sends, and the bot; DingTalk's robot as a second adapter for the same bot.
    /// </summary>
    public static IServiceCollection AddCampaignChat(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.AddOptions<MessagesEndpointOptions>().BindConfiguration(MessagesEndpointOptions.Section);
        services.AddSingleton<ChannelTrust>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new SharedConnectorAuthentication(new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            // Where the bot's own tokens come from: MicrosoftAppPassword against Azure AD, unless another is registered.
            credentialsFactory: sp.GetService<ServiceClientCredentialsFactory>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            sp.GetRequiredService<ChannelTrust>(),
            sp.GetRequiredService<DirectLine.EmbeddedConnector>()));
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddTransient<IBot, CampaignActivityHandler>();
        services.AddSingleton<EvidenceIntake>();

        services.AddSingleton<ChatCommandRouter>();
        services.AddSingleton<LedgerNamesCache>();
        services.AddSingleton<Data.Repositories.UnderstandingMissRepository>();
        services.AddSingleton<QueryHandler>();
        services.AddSingleton<ChangeHandler>();
        services.AddSingleton<AdministrationHandler>();
        services.AddSingleton<ExtensionHandler>();
        services.AddSingleton<HandoverHandler>();
        services.AddSingleton<SnoozeHandler>();
        services.AddSingleton<EvidenceHandler>();
        services.AddEvidenceFiles();
        services.AddDingTalk();
        return services;
    }

    public static WebApplication MapCampaignBot(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseWebSockets();
        // The Web Chat page (wwwroot/index.html) and the bundle npm fetched at build time (wwwroot/lib).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapBotMessages();
        app.MapDirectLine();
        app.MapDingTalk();
        app.MapWebChat();
        app.MapBoard();
        app.MapBinder();
        app.MapHealthChecks("/healthz");
        return app;
    }
}
