using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Data;

/// <summary>
/// Writes that many callers make at once (the outbox marking each message sent as soon as it is),
/// committed together: each caller's item is queued, one caller at a time takes everything queued
/// and writes it in one transaction, and every caller returns once the transaction holding its item
/// has committed (or fails with it). Nothing is acknowledged before it is durable, so a crash loses
/// exactly what it would have lost with one transaction per item; what changes is that sixteen
/// parallel sends make a few transactions instead of sixteen (SQLite has one writer at a time, and
/// on the reminder fan-out that one writer was the bottleneck).
/// </summary>
public sealed class GroupCommit<T>(LedgerDatabase database, Func<SqliteConnection, SqliteTransaction, IReadOnlyList<T>, Task> write)
{
    /// <summary>At most this many items per transaction, so one slow batch does not hold the write lock long.</summary>
    private const int MaxBatch = 256;

    private readonly ConcurrentQueue<(T Item, TaskCompletionSource Committed)> queue = new();
    private int writing;

    public Task WriteAsync(T item, CancellationToken cancellationToken = default)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Enqueue((item, committed));
        return DrainThenWaitAsync(committed.Task, cancellationToken);
    }

    private async Task DrainThenWaitAsync(Task committed, CancellationToken cancellationToken)
    {
        // Whoever finds nobody writing writes everything queued; after letting go it looks again, so
        // an item queued while it was letting go is never left without a writer. The batches are
        // written without the caller's token: one caller giving up must not fail the others' items.
        while (!queue.IsEmpty && Interlocked.CompareExchange(ref writing, 1, 0) == 0)
        {
            try
            {
                while (TakeBatch() is { Count: > 0 } batch)
                {
                    await WriteBatchAsync(batch);
                }
            }
            finally
            {
                // A full fence, so the queue is looked at again only after letting go is visible:
                // otherwise an item queued in between could find "someone is writing" and the writer
                // "nothing queued", and wait for ever.
                Interlocked.Exchange(ref writing, 0);
            }
        }

        await committed.WaitAsync(cancellationToken);
    }

    private List<(T Item, TaskCompletionSource Committed)> TakeBatch()
    {
        var batch = new List<(T, TaskCompletionSource)>();
        while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        return batch;
    }

    private async Task WriteBatchAsync(List<(T Item, TaskCompletionSource Committed)> batch)
    {
        try
        {
            await database.WriteAsync(async (connection, transaction) =>
            {
                await write(connection, transaction, batch.Select(b => b.Item).ToList());
                return true;
            }, CancellationToken.None);
        }
        catch (Exception e)
        {
            foreach (var (_, committed) in batch)
            {
                committed.TrySetException(e);
            }

            return;
        }

        foreach (var (_, committed) in batch)
        {
            committed.TrySetResult();
        }
    }
}
