using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// One channel's way of delivering an <see cref="OutgoingMessage"/>: it shapes the message as the
/// channel shows it and sends it, and says whether a failure is worth retrying
/// (<see cref="TransientSendException"/>) or the chat is gone (<see cref="TargetGoneException"/>).
/// A new channel registers one; <see cref="RoutingMessageSender"/> picks it by target.
/// </summary>
public interface IChannelSender
{
    bool Delivers(MessageTarget target);

    /// <summary>True for a channel that takes any chat (the Bot Framework connector): others that deliver a target go first.</summary>
    bool CatchesAll => false;

    Task SendAsync(MessageTarget target, OutgoingMessage message, CancellationToken cancellationToken);
}
