namespace CampaignBot.Scheduling.Delivery;

/// <summary>
/// What happens when a channel says the bot was removed from a chat: the message fails, and the
/// bot reacts (unbinds the chat, tells the coordinators) in the same transaction.
/// </summary>
public interface ITargetGoneHandler
{
    Task HandleAsync(ClaimedMessage message, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken);
}
