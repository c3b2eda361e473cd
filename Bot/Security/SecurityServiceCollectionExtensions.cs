namespace CampaignBot.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Who may call /api/messages and which service urls the bot may post to (<see cref="ChannelTrust"/>,
    /// from MessagesEndpoint's settings), where this process listens, which the trust reads, and the
    /// hosts a group robot's webhook may be on (<see cref="RobotWebhookPolicy"/>).
    /// </summary>
    internal static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddOptions<MessagesEndpointOptions>().BindConfiguration(MessagesEndpointOptions.Section);
        services.AddSingleton<ChannelTrust>();
        services.AddSingleton<ListeningAddresses>();
        services.AddOptions<RobotWebhookOptions>().BindConfiguration(RobotWebhookOptions.Section);
        services.AddSingleton<RobotWebhookPolicy>();
        return services;
    }
}
