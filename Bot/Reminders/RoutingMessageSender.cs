using CampaignBot.Robots;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Reminders;

/// <summary>Hands each prepared message to the sender of its channel: the Bot Framework or a group robot.</summary>
public sealed class RoutingMessageSender(BotFrameworkSender botFramework, RobotSender robots) : IMessageSender
{
    public Task SendAsync(PreparedMessage message, CancellationToken cancellationToken) => message.Content switch
    {
        RobotDelivery robot => robots.SendAsync(robot, cancellationToken),
        _ => botFramework.SendAsync(message, cancellationToken),
    };
}
