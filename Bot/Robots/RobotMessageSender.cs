using CampaignBot.Chat.Outgoing;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Extensions.Options;

namespace CampaignBot.Robots;

/// <summary>
/// Delivers to a group robot: the message as robot markdown (with the owners' @mentions and how to
/// mark a task done), posted by <see cref="RobotSender"/>.
/// </summary>
public sealed class RobotMessageSender(RobotRepository robots, DirectoryRepository directory, RobotSender sender) : IChannelSender
{
    public bool Delivers(MessageTarget target) => target is RobotTarget;

    public async Task SendAsync(MessageTarget target, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var robot = await robots.FindAsync(((RobotTarget)target).RobotId, cancellationToken)
            ?? throw new InvalidOperationException($"No robot {target} is known (it was removed).");
        var mentions = await directory.MentionsAsync(message.Owners, cancellationToken);
        await sender.SendAsync(RobotMarkdown.Render(robot, message.Reply, ReplyTexts.For(message.Language), message.RobotDoneHint, mentions), cancellationToken);
    }
}
