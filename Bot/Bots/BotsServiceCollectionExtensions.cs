using CampaignBot.Chat.Outgoing;
using CampaignBot.EvidenceFiles;
using CampaignBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace CampaignBot.Bots;

internal static class BotsServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework: authentication from the MicrosoftApp* settings (anonymous when no app id is
    /// set, connector clients shared), one adapter for /api/messages and, as CloudAdapter, for
    /// proactive sends, the bot every channel's turns run through, the evidence a turn brings, the
    /// sender the outbox routes Bot Framework chats to, and the credentials for a channel's files.
    /// </summary>
    internal static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        // The shared factory (registered once, whichever area asks first) for the connector clients.
        services.AddHttpClient();
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
        services.AddSingleton<BotFrameworkSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<BotFrameworkSender>());
        services.AddSingleton<IChannelFileCredentials, ConnectorFileCredentials>();
        return services;
    }
}
