using CampaignBot.Bots;
using CampaignBot.Chat;
using CampaignBot.Chat.Handlers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace CampaignBot.Hosting;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework side: authentication from the MicrosoftApp* settings (anonymous when no app
    /// id is set, connector clients shared), one adapter for /api/messages and, as CloudAdapter, for
    /// proactive sends, and the bot.
    /// </summary>
    public static IServiceCollection AddCampaignChat(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new SharedConnectorAuthentication(new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>())));
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddTransient<IBot, CampaignActivityHandler>();

        services.AddSingleton<ChatCommandRouter>();
        services.AddSingleton<QueryHandler>();
        services.AddSingleton<ChangeHandler>();
        services.AddSingleton<AdministrationHandler>();
        return services;
    }

    public static WebApplication MapCampaignBot(this WebApplication app)
    {
        app.MapBotMessages();
        app.MapHealthChecks("/healthz");
        app.MapGet("/", () => Results.Text("CampaignBot is running. Bot Framework endpoint: POST /api/messages\n"));
        return app;
    }
}
