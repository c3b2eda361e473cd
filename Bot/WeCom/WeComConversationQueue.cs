namespace CampaignBot.WeCom;

/// <summary>
/// Runs work for different conversations at the same time and for one conversation in order: a
/// slow turn (a file fetched) holds up neither the connection's pings nor other chats, and two
/// messages in one chat are answered in the order they were sent.
/// </summary>
public sealed class WeComConversationQueue
{
    private readonly Dictionary<string, Task> tails = new(StringComparer.Ordinal);

    public Task Enqueue(string conversationId, Func<Task> work)
    {
        lock (tails)
        {
            var previous = tails.GetValueOrDefault(conversationId, Task.CompletedTask);
            var next = previous.ContinueWith(_ => work(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            tails[conversationId] = next;
            _ = next.ContinueWith(_ =>
            {
                lock (tails)
                {
                    if (tails.TryGetValue(conversationId, out var tail) && tail == next)
                    {
                        tails.Remove(conversationId);
                    }
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return next;
        }
    }
}
