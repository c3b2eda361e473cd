using System.Collections.Concurrent;

namespace CampaignBot.DirectLine;

/// <summary>
/// Wakes the streams (WebSockets) of a conversation when an activity is added to it. A stream takes
/// <see cref="Next"/> before it reads the store, so an activity added in between is never missed.
/// </summary>
public sealed class ConversationSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiting = new();

    public Task Next(string conversationId) =>
        waiting.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string conversationId)
    {
        if (waiting.TryRemove(conversationId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
