namespace CampaignBot.Outbox;

/// <summary>
/// Wakes delivery: what the outbox store asks to run once a write that queued a message has
/// committed (<see cref="Data.LedgerDatabase.AfterCommit"/>), so that no caller has to remember to.
/// The composition root gives it the dispatcher's kick, found only when first woken: the dispatcher
/// reads this very outbox, so the store cannot be given the kick when it is made.
/// </summary>
public sealed class OutboxWake(Action wake)
{
    public void Wake() => wake();
}
