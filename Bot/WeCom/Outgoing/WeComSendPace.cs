using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.WeCom.Outgoing;

/// <summary>
/// WeCom's per-recipient limit, kept on this side: at most 30 messages a minute to one member through
/// the app (doc/90236), and, as reported for the AI bot, 30 a minute to one chat; WeCom drops what is
/// over it without an error, so the bot must never send it. Each send reserves its slots in a sliding
/// minute per recipient (all parts of a split message at once); a send whose slots are near waits for
/// them, one whose slots are further away than <see cref="MaxWait"/> is given back to the outbox to
/// try after that wait (a retry, with its Retry-After), so a dispatcher slot is not held for a minute.
/// Delayed, never dropped.
/// </summary>
public sealed class WeComSendPace(TimeProvider time)
{
    public const int PerMinute = 30;

    /// <summary>A second more than WeCom's minute, so that clocks a little apart never put a 31st in WeCom's window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(61);

    /// <summary>Within the outbox's send timeout (30 s by default), with room for the send itself.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, List<DateTimeOffset>> sent = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reserves <paramref name="count"/> sends to <paramref name="recipient"/> and returns when each may go.</summary>
    /// <exception cref="TransientSendException">The last slot is more than <see cref="MaxWait"/> away: nothing is reserved.</exception>
    public IReadOnlyList<DateTimeOffset> Reserve(string recipient, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        lock (sent)
        {
            var now = time.GetUtcNow();
            if (!sent.TryGetValue(recipient, out var times))
            {
                sent[recipient] = times = [];
            }

            times.RemoveAll(t => t <= now - Window);
            var slots = new List<DateTimeOffset>();
            var all = new List<DateTimeOffset>(times);
            for (var i = 0; i < count; i++)
            {
                // The n-th send may go once the send 30 before it has left the window.
                var at = all.Count >= PerMinute ? Max(now, all[^PerMinute] + Window) : now;
                at = Max(at, all.Count > 0 ? all[^1] : at);
                slots.Add(at);
                all.Add(at);
            }

            // The whole message must go within one try: a try cut short by the outbox's timeout would send its first parts twice.
            var last = slots[Math.Min(slots.Count, PerMinute) - 1];
            if (last - now > MaxWait)
            {
                throw new TransientSendException($"WeCom: {PerMinute} messages a minute to {recipient} already sent; waiting", last - now - MaxWait);
            }

            times.Clear();
            times.AddRange(all);
            return slots;
        }
    }

    /// <summary>Waits until the slot.</summary>
    public Task WaitAsync(DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var wait = slot - time.GetUtcNow();
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
