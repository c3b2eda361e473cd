namespace CampaignBot.Scheduling.Delivery;

/// <summary>Sends everything the outbox holds; what the reminder cycle, snoozes and notices call.</summary>
public interface IOutboxDispatcher
{
    Task<DispatchSummary> DispatchAsync(CancellationToken cancellationToken);
}
