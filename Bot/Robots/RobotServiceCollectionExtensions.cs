using CampaignBot.Chat.Outgoing;

namespace CampaignBot.Robots;

internal static class RobotServiceCollectionExtensions
{
    /// <summary>
    /// Group robots (DingTalk, WeCom webhooks): the robot table synced from appsettings.json at start-up
    /// (<c>Hosting.RobotStartup</c>, started by the composition root), the
    /// webhook policy and the sender the outbox routes robot messages to.
    /// </summary>
    internal static IServiceCollection AddRobots(this IServiceCollection services)
    {
        services.AddSingleton<ConfiguredRobots>();
        services.AddOptions<List<RobotEntry>>().BindConfiguration("Robots");
        services.AddSingleton<RobotSender>();
        // The outbox routes robot messages here: rendered as the robots' markdown, posted by RobotSender.
        services.AddSingleton<IChannelSender, RobotMessageSender>();
        // Robot webhooks carry their credential in the address: no request logging for them.
        services.AddHttpClient(RobotSender.HttpClientName).RemoveAllLoggers();
        return services;
    }
}
