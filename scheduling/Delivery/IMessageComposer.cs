namespace CampaignBot.Scheduling.Delivery;

/// <summary>Writes a claimed message from the ledger as it is now, in its recipient's language.</summary>
public interface IMessageComposer<TContent>
{
    Task<TContent> ComposeAsync(ClaimedMessage message, DateTimeOffset now, CancellationToken cancellationToken);
}
