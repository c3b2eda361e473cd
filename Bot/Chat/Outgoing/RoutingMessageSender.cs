using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// The outbox's sender: hands each message to the channel that delivers its target. A specific
/// channel (DingTalk's app for its chats) wins over the Bot Framework connector, which takes any
/// chat, whatever order they were registered in.
/// </summary>
public sealed class RoutingMessageSender(IEnumerable<IChannelSender> channels) : IMessageSender<OutgoingMessage>
{
    private readonly IReadOnlyList<IChannelSender> channels = channels.OrderBy(c => c.CatchesAll).ToList();

    public Task SendAsync(MessageTarget target, OutgoingMessage content, CancellationToken cancellationToken) =>
        (channels.FirstOrDefault(c => c.Delivers(target)) ?? throw new InvalidOperationException($"No channel delivers to {target}"))
            .SendAsync(target, content, cancellationToken);
}
