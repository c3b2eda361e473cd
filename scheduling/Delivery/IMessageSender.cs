namespace CampaignBot.Scheduling.Delivery;

/// <summary>Sends one composed message to its target.</summary>
public interface IMessageSender<in TContent>
{
    /// <exception cref="TransientSendException">Worth retrying: 429, 5xx, a timeout, a broken connection.</exception>
    /// <exception cref="TargetGoneException">The chat no longer has the bot (403, 404).</exception>
    Task SendAsync(MessageTarget target, TContent content, CancellationToken cancellationToken);
}
