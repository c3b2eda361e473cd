namespace CampaignBot.Scheduling.Delivery;

/// <summary>
/// The durable outbox: it only stores and claims. A message is marked in flight (committed) before
/// it is sent and finished after, so a crash in between leaves it in flight and it is sent again on
/// restart: at most the messages in flight at the crash (<c>MaxParallelSends</c>) can arrive twice,
/// and none is lost.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Takes the dispatch lease for <paramref name="holder"/> if nobody holds it or its holder's
    /// heartbeat is older than <paramref name="staleAfter"/> (that process died); renews it if held.
    /// </summary>
    Task<bool> TryLeaseAsync(string holder, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken);

    Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken);

    /// <summary>Messages not yet finished: pending, or left in flight by a dispatcher that died.</summary>
    Task<IReadOnlyList<OutboxMessage>> UnsentAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Marks the messages in flight, in one transaction. Reminders whose task was completed, or
    /// whose deadline moved, since planning are cancelled, and a message left with nothing to send
    /// is finished as cancelled and not returned; so is one already finished by someone else.
    /// </summary>
    Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(IReadOnlyList<long> messageIds, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkSentAsync(long messageId, int tries, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkFailedAsync(long messageId, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken);
}
