namespace CampaignBot.Scheduling.Delivery;

/// <summary>A message waiting in the outbox: pending, or caught in flight by a crash.</summary>
public sealed record OutboxMessage(long Id, string Target);

/// <summary>
/// A message claimed for sending: what it is (reminders, report or notice), for which send day, and
/// for reminders the (task, kind) pairs still worth sending.
/// </summary>
public sealed record ClaimedMessage(long Id, string Target, string Kind, DateOnly SendDay, string? Body, IReadOnlyList<(long TaskId, string Kind)> Items);

/// <summary>A message ready to go: <see cref="Content"/> is whatever the sender of its channel needs.</summary>
public sealed record PreparedMessage(long Id, string Target, object Content);

/// <summary>
/// The durable outbox. A message is marked in flight (committed) before it is sent and sent after,
/// so a crash in between leaves it in flight and it is sent again on restart: at most the messages
/// in flight at the crash (<c>MaxParallelSends</c>) can arrive twice, and none is lost.
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

    /// <summary>Builds a claimed message's content from the ledger as it is now.</summary>
    Task<PreparedMessage> PrepareAsync(ClaimedMessage message, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkSentAsync(long messageId, int tries, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkFailedAsync(long messageId, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The chat removed the bot: fail the message, unbind the chat, and tell the coordinators.</summary>
    Task MarkTargetGoneAsync(long messageId, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Sends one prepared message to its chat.</summary>
public interface IMessageSender
{
    /// <exception cref="TransientSendException">Worth retrying: 429, 5xx, a timeout, a broken connection.</exception>
    /// <exception cref="TargetGoneException">The chat no longer has the bot (403, 404).</exception>
    Task SendAsync(PreparedMessage message, CancellationToken cancellationToken);
}

public sealed class TransientSendException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long the channel asked us to wait (HTTP Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

public sealed class TargetGoneException(string message, Exception? inner = null) : Exception(message, inner);

public sealed record DispatchSummary(int Sent, int Failed, int Cancelled, int Gone)
{
    public static readonly DispatchSummary Empty = new(0, 0, 0, 0);

    public int Total => Sent + Failed + Cancelled + Gone;
}
