using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Options;

namespace CampaignBot.Outbox;

/// <summary>
/// Sends what the outbox holds now, in the background, once a write that queued a message has
/// committed (<see cref="OutboxWake"/>): people should not wait for the next 09:00 run. Where
/// reminders are off (Reminders:Enabled = false) this process does not deliver at all. The dispatch
/// lease keeps this from sending anything twice alongside a scheduled run. A kick while a run is
/// going makes one more run after it, so a message committed after the run looked is not left behind.
/// </summary>
public sealed class OutboxKick(IOutboxDispatcher dispatcher, IOptions<ReminderOptions> options, ILogger<OutboxKick> logger, IHostApplicationLifetime? lifetime = null)
{
    /// <summary>0: idle; 1: a run is going; 2: a run is going and another was asked for.</summary>
    private int state;

    public void Kick()
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // Idle → running starts a run; running → asked-again is left for the running one to see.
        if (Interlocked.CompareExchange(ref state, 1, 0) != 0)
        {
            Interlocked.CompareExchange(ref state, 2, 1);
            return;
        }

        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    await dispatcher.DispatchAsync(lifetime?.ApplicationStopping ?? CancellationToken.None);
                }
                catch (OperationCanceledException)
                {
                    Volatile.Write(ref state, 0);
                    return;
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Sending the outbox after a change failed; the next reminder run sends what is left");
                }

                // Running → idle, unless asked again meanwhile: then one more run.
                if (Interlocked.CompareExchange(ref state, 0, 1) == 1)
                {
                    return;
                }

                Volatile.Write(ref state, 1);
            }
        });
    }
}
