using CampaignBot.DingTalk;
using CampaignBot.Robots;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Reminders;

/// <summary>Hands each prepared message to the sender of its channel: the Bot Framework, the DingTalk app, or a group robot.</summary>
public sealed class RoutingMessageSender(BotFrameworkSender botFramework, RobotSender robots, DingTalkSender dingTalk) : IMessageSender
{
    public Task SendAsync(PreparedMessage message, CancellationToken cancellationToken) => message.Content switch
    {
        RobotDelivery robot => robots.SendAsync(robot, cancellationToken),
        ReminderDelivery chat when DingTalkSender.Delivers(chat) => dingTalk.SendAsync(chat, cancellationToken),
        _ => botFramework.SendAsync(message, cancellationToken),
    };
}
