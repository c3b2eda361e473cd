using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CampaignBot.Scheduling.Delivery;

/// <summary>
/// Sends what the outbox holds: a few chats at a time, within a per-chat and a global rate, retrying
/// transient failures (honouring Retry-After; otherwise exponential backoff with jitter), and
/// recording each message's outcome. Each message is composed once (<typeparamref name="TContent"/>,
/// whatever the bot's senders take) and sent, with its retries, as composed.
/// </summary>
public sealed class OutboxDispatcher<TContent> : IOutboxDispatcher, IDisposable
{
    private readonly IOutbox outbox;
    private readonly IMessageComposer<TContent> composer;
    private readonly IMessageSender<TContent> sender;
    private readonly ITargetGoneHandler targetGone;
    private readonly ReminderOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<OutboxDispatcher<TContent>> logger;
    private readonly ResiliencePipeline pipeline;
    private readonly PartitionedRateLimiter<MessageTarget>? perChat;
    private readonly RateLimiter? global;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly string holder = Guid.NewGuid().ToString("N");

    /// <summary>Every pass finishes what it claims, so more passes are only for work that arrived meanwhile.</summary>
    private const int MaxPasses = 5;

    private TimeSpan LeaseStaleAfter => TimeSpan.FromSeconds(options.DispatchLeaseStaleSeconds);

    public OutboxDispatcher(
        IOutbox outbox, IMessageComposer<TContent> composer, IMessageSender<TContent> sender, ITargetGoneHandler targetGone,
        IOptions<ReminderOptions> options, TimeProvider time, ILogger<OutboxDispatcher<TContent>> logger)
    {
        this.outbox = outbox;
        this.composer = composer;
        this.sender = sender;
        this.targetGone = targetGone;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        pipeline = BuildPipeline(this.options, time);
        if (this.options.PerChatMessagesPerMinute > 0)
        {
            perChat = PartitionedRateLimiter.Create<MessageTarget, MessageTarget>(target =>
                RateLimitPartition.GetTokenBucketLimiter(target, _ => RateBuckets.Of(this.options.PerChatMessagesPerMinute, TimeSpan.FromMinutes(1))));
        }

        if (this.options.GlobalMessagesPerSecond > 0)
        {
            global = new TokenBucketRateLimiter(RateBuckets.Of(this.options.GlobalMessagesPerSecond, TimeSpan.FromSeconds(1)));
        }
    }

    /// <summary>
    /// Sends everything unsent. Only one dispatcher sends at a time, in this process and across
    /// processes (a lease in the database), so nothing in flight is sent twice by two senders; what a
    /// dead dispatcher left in flight is sent again, which bounds repeats to MaxParallelSends.
    /// </summary>
    public async Task<DispatchSummary> DispatchAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (!await LeaseAsync(cancellationToken))
            {
                logger.LogWarning("Another dispatcher holds the outbox; this run sends nothing");
                return DispatchSummary.Empty;
            }

            using var heartbeat = time.CreateTimer(_ => _ = RenewLeaseAsync(), null, LeaseStaleAfter / 3, LeaseStaleAfter / 3);
            try
            {
                // Passes go on while they find work: notices queued for a chat found gone, and messages
                // another process enqueued meanwhile, go out in the same run.
                var total = DispatchSummary.Empty;
                var sentUnrecorded = new ConcurrentDictionary<long, bool>();
                for (var pass = 0; pass < MaxPasses; pass++)
                {
                    var summary = await PassAsync(sentUnrecorded, cancellationToken);
                    total = new DispatchSummary(total.Sent + summary.Sent, total.Failed + summary.Failed, total.Cancelled + summary.Cancelled, total.Gone + summary.Gone);
                    if (summary.Total == 0)
                    {
                        break;
                    }
                }

                return total;
            }
            finally
            {
                await outbox.ReleaseLeaseAsync(holder, CancellationToken.None);
            }
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task RenewLeaseAsync()
    {
        try
        {
            if (!await outbox.TryLeaseAsync(holder, time.GetUtcNow(), LeaseStaleAfter, CancellationToken.None))
            {
                logger.LogError("The dispatch lease was taken over while this dispatcher was sending; check DispatchLeaseStaleSeconds");
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not renew the dispatch lease");
        }
    }

    /// <summary>Waits a little for a lease held by another live dispatcher, long enough to outlast a dead one's.</summary>
    private async Task<bool> LeaseAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + LeaseStaleAfter + TimeSpan.FromSeconds(5);
        while (!await outbox.TryLeaseAsync(holder, time.GetUtcNow(), LeaseStaleAfter, cancellationToken))
        {
            if (time.GetUtcNow() >= giveUpAt)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }

        return true;
    }

    /// <summary>Claims are made a chunk at a time: one transaction for many messages instead of one each.</summary>
    private const int ClaimChunk = 64;

    /// <param name="sentUnrecorded">Messages this dispatch sent but could not record: still unsent in the ledger, not sent again by this dispatch.</param>
    private async Task<DispatchSummary> PassAsync(ConcurrentDictionary<long, bool> sentUnrecorded, CancellationToken cancellationToken)
    {
        var unsent = (await outbox.UnsentAsync(cancellationToken)).Where(m => !sentUnrecorded.ContainsKey(m.Id)).ToList();
        int sent = 0, failed = 0, cancelled = 0, gone = 0;
        foreach (var chunk in unsent.Chunk(ClaimChunk))
        {
            var claimed = await outbox.ClaimAsync(chunk.Select(m => m.Id).ToList(), time.GetUtcNow(), cancellationToken);
            cancelled += chunk.Length - claimed.Count;
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelSends, CancellationToken = cancellationToken },
                async (message, token) =>
                {
                    switch (await DeliverAsync(message, sentUnrecorded, token))
                    {
                        case Outcome.Sent: Interlocked.Increment(ref sent); break;
                        case Outcome.Failed: Interlocked.Increment(ref failed); break;
                        default: Interlocked.Increment(ref gone); break;
                    }
                });
        }

        return new DispatchSummary(sent, failed, cancelled, gone);
    }

    private enum Outcome
    {
        Sent,
        Failed,
        Gone,
    }

    private async Task<Outcome> DeliverAsync(ClaimedMessage message, ConcurrentDictionary<long, bool> sentUnrecorded, CancellationToken cancellationToken)
    {
        var tries = 0;
        try
        {
            var content = await composer.ComposeAsync(message, time.GetUtcNow(), cancellationToken);
            using var chatLease = perChat is null ? null : await perChat.AcquireAsync(message.Target, 1, cancellationToken);
            using var globalLease = global is null ? null : await global.AcquireAsync(1, cancellationToken);
            await pipeline.ExecuteAsync(async token =>
            {
                Interlocked.Increment(ref tries);
                await sender.SendAsync(message.Target, content, token);
            }, cancellationToken);
        }
        catch (TargetGoneException e)
        {
            // The chat by its outbox message, not its id: a 1:1 chat's id can be a person's account (docs/operations.md).
            logger.LogWarning("Message {MessageId}: its chat no longer has the bot: {Reason}", message.Id, e.Message);
            await targetGone.HandleAsync(message, tries, e.Message, time.GetUtcNow(), CancellationToken.None);
            return Outcome.Gone;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A message that cannot be prepared or sent fails alone; the rest of the fan-out goes on.
            logger.LogError(e, "Message {MessageId} ({Channel}) failed after {Tries} tries", message.Id, ChannelOf(message.Target), tries);
            await outbox.MarkFailedAsync(message.Id, tries, e.Message, time.GetUtcNow(), CancellationToken.None);
            return Outcome.Failed;
        }

        if (!await RecordSentAsync(message, tries))
        {
            sentUnrecorded[message.Id] = true;
        }

        return Outcome.Sent;
    }

    /// <summary>How often recording a delivered message is tried before it is left in flight.</summary>
    private const int RecordAttempts = 3;

    /// <summary>
    /// A message that went out is never recorded as failed (the weekly report would list it as
    /// undelivered): recording it is tried again, and if the ledger still cannot be written, it is
    /// left in flight, to be sent once more by the next dispatch (not this one), as after a crash.
    /// </summary>
    /// <returns>Whether it was recorded.</returns>
    private async Task<bool> RecordSentAsync(ClaimedMessage message, int tries)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await outbox.MarkSentAsync(message.Id, tries, time.GetUtcNow(), CancellationToken.None);
                return true;
            }
            catch (Exception e) when (attempt < RecordAttempts)
            {
                logger.LogWarning(e, "Message {MessageId} was sent but not yet recorded (attempt {Attempt}); trying again", message.Id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Message {MessageId} ({Channel}) was sent but could not be recorded; it stays in flight and goes again with the next dispatch", message.Id, ChannelOf(message.Target));
                return false;
            }
        }
    }

    /// <summary>Which channel a target is on, for the log: "msteams", "dingtalk", or "robot".</summary>
    private static string ChannelOf(MessageTarget target) => target is ChatTarget chat ? chat.ChannelId : "robot";

    private static ResiliencePipeline BuildPipeline(ReminderOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransientSendException>().Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(options.MaxRetryDelaySeconds),
                // The channel knows best: wait as long as its Retry-After says (within MaxDelay).
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is TransientSendException { RetryAfter: { } after }
                    ? TimeSpan.FromTicks(Math.Min(after.Ticks, TimeSpan.FromSeconds(options.MaxRetryDelaySeconds).Ticks))
                    : (TimeSpan?)null),
            })
            .AddTimeout(TimeSpan.FromSeconds(options.SendTimeoutSeconds))
            .Build();

    public void Dispose()
    {
        oneAtATime.Dispose();
        perChat?.Dispose();
        global?.Dispose();
    }
}
