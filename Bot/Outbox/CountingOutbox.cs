using System.Collections.Concurrent;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Telemetry;

namespace CampaignBot.Outbox;

/// <summary>
/// The outbox as the dispatcher sees it, counting what it finishes (campaignbot_reminders_sent_total,
/// _failed_total) per kind: a claimed message's kinds are remembered until it is recorded sent or
/// failed, and counted only once that is committed. A message holding three reminders counts three.
/// </summary>
public sealed class CountingOutbox(OutboxRepository outbox, CampaignMetrics metrics) : IOutbox
{
    private readonly ConcurrentDictionary<long, IReadOnlyList<string>> claimed = new();

    public Task<bool> TryLeaseAsync(string holder, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken) =>
        outbox.TryLeaseAsync(holder, now, staleAfter, cancellationToken);

    public Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken) => outbox.ReleaseLeaseAsync(holder, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> UnsentAsync(CancellationToken cancellationToken) => outbox.UnsentAsync(cancellationToken);

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(IReadOnlyList<long> messageIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var messages = await outbox.ClaimAsync(messageIds, now, cancellationToken);
        foreach (var message in messages)
        {
            claimed[message.Id] = KindsOf(message);
        }

        return messages;
    }

    public async Task MarkSentAsync(long messageId, int tries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await outbox.MarkSentAsync(messageId, tries, now, cancellationToken);
        Count(messageId, metrics.Sent);
    }

    public async Task MarkFailedAsync(long messageId, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await outbox.MarkFailedAsync(messageId, tries, error, now, cancellationToken);
        Count(messageId, (kind, count) => metrics.Failed(kind, gone: false, count));
    }

    /// <summary>A message whose chat was found gone (finished as failed by <see cref="CountingTargetGone"/>'s handler).</summary>
    public void Gone(long messageId) => Count(messageId, (kind, count) => metrics.Failed(kind, gone: true, count));

    private void Count(long messageId, Action<string, int> add)
    {
        if (claimed.TryRemove(messageId, out var kinds))
        {
            foreach (var kind in kinds.GroupBy(k => k))
            {
                add(kind.Key, kind.Count());
            }
        }
    }

    /// <summary>The kinds a message carries: each reminder's (due-3, overdue-1, snooze:…), else report, else notice (every payload is one of the ledger's notices).</summary>
    public static IReadOnlyList<string> KindsOf(ClaimedMessage message) => message.Content switch
    {
        ReminderList list => [.. list.Items.Select(i => i.Kind)],
        WeeklyReport => ["report"],
        _ => ["notice"],
    };
}
