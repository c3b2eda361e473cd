using CampaignBot.Bots;
using CampaignBot.Chat;
using CampaignBot.Chat.Handlers;
using CampaignBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace CampaignBot.Hosting;

internal static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework side: authentication from the MicrosoftApp* settings (anonymous when no app
    /// id is set, connector clients shared), one adapter for /api/messages and, as CloudAdapter, for
    /// proactive sends, the bot, and the chat's command router and handlers.
    /// </summary>
    internal static IServiceCollection AddCampaignChat(this IServiceCollection services)
    {
        // The shared factory (registered once, whichever area asks first) for the connector clients.
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
            sp.GetRequiredService<IInProcessConnector>()));
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddTransient<IBot, CampaignActivityHandler>();
        services.AddSingleton<EvidenceIntake>();

        services.AddSingleton<ChatCommandRouter>();
        services.AddSingleton<LedgerNamesCache>();
        services.AddSingleton<Ledger.Repositories.UnderstandingMissRepository>();
        services.AddSingleton<QueryHandler>();
        services.AddSingleton<CompletionHandler>();
        services.AddSingleton<AdministrationHandler>();
        services.AddSingleton<ExtensionHandler>();
        services.AddSingleton<HandoverHandler>();
        services.AddSingleton<SnoozeHandler>();
        services.AddSingleton<EvidenceHandler>();
        services.AddSingleton<UndoHandler>();
        services.AddSingleton<ReportHandler>();
        return services;
    }
}
