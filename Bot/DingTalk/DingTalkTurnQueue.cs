namespace CampaignBot.DingTalk;

/// <summary>
/// Runs the stream's robot messages concurrently across conversations and in order within one: a
/// slow turn (an evidence download, a slow reply) holds up only the later messages of its own chat,
/// never pings or other people's messages. At most <see cref="MaxConcurrentTurns"/> run at once.
/// </summary>
public sealed class DingTalkTurnQueue
{
    /// <summary>Turns share the ledger and DingTalk's per-second limits: a handful at a time is plenty for an office.</summary>
    public const int MaxConcurrentTurns = 8;

    private readonly object gate = new();
    private readonly Dictionary<string, Task> tails = [];
    private readonly SemaphoreSlim slots = new(MaxConcurrentTurns, MaxConcurrentTurns);

    /// <summary>Queues a turn after the turns already queued for the same conversation; returns at once.</summary>
    public Task Enqueue(string conversationId, Func<Task> turn)
    {
        lock (gate)
        {
            var before = tails.GetValueOrDefault(conversationId, Task.CompletedTask);
            var next = RunAfterAsync(before, turn);
            tails[conversationId] = next;
            _ = next.ContinueWith(_ => Forget(conversationId, next), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return next;
        }
    }

    /// <summary>Completes when every queued turn has finished (at shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
        {
            return Task.WhenAll(tails.Values);
        }
    }

    private async Task RunAfterAsync(Task before, Func<Task> turn)
    {
        try
        {
            await before;
        }
        catch
        {
            // The earlier turn's failure was its own (logged and answered there); this one still runs.
        }

        await slots.WaitAsync();
        try
        {
            await turn();
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>A conversation with nothing left queued is forgotten, so the map holds only busy chats.</summary>
    private void Forget(string conversationId, Task finished)
    {
        lock (gate)
        {
            if (tails.TryGetValue(conversationId, out var tail) && tail == finished)
            {
                tails.Remove(conversationId);
            }
        }
    }
}
