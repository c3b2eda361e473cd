using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Outbox;

/// <summary>The chat-gone handler (Ledger/RemovedChats), counting the message as failed with reason gone once it is handled.</summary>
public sealed class CountingTargetGone(ITargetGoneHandler handler, CountingOutbox outbox) : ITargetGoneHandler
{
    public async Task HandleAsync(ClaimedMessage message, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await handler.HandleAsync(message, tries, error, now, cancellationToken);
        outbox.Gone(message.Id);
    }
}
