using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Options;

namespace CampaignBot.Outbox;

/// <summary>
/// Sends what the outbox holds now, in the background, after a change that owes a notice (an
/// extension request, a decision, a hand-over): people should not wait for the next 09:00 run.
/// Where reminders are off (Reminders:Enabled = false) this process does not deliver at all. The
/// dispatch lease keeps this from sending anything twice alongside a scheduled run.
/// </summary>
public sealed class OutboxKick(IOutboxDispatcher dispatcher, IOptions<ReminderOptions> options, ILogger<OutboxKick> logger, IHostApplicationLifetime? lifetime = null)
{
    private int running;

    public void Kick()
    {
        if (!options.Value.Enabled || Interlocked.Exchange(ref running, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await dispatcher.DispatchAsync(lifetime?.ApplicationStopping ?? CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending the outbox after a change failed; the next reminder run sends what is left");
            }
            finally
            {
                Volatile.Write(ref running, 0);
            }
        });
    }
}
