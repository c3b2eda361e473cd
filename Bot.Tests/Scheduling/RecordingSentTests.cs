using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Tests.Scheduling;

/// <summary>
/// A message that went out is never recorded as failed: if the ledger cannot record it at once, the
/// record is tried again, and if it still cannot, the message stays in flight (sent again later, as
/// after a crash) rather than being reported undelivered. Stand-ins for the ledger's side only.
/// </summary>
public class RecordingSentTests
{
    /// <summary>As the real one: a message stays unsent (pending or in flight) until it is finished.</summary>
    private sealed class Outbox(int failingRecords) : IOutbox
    {
        public int RecordTries;
        public readonly List<string> Finished = [];

        public Task<bool> TryLeaseAsync(string holder, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<OutboxMessage>> UnsentAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OutboxMessage>>(Finished.Count > 0 ? [] : [new OutboxMessage(1, new ChatTarget("msteams", "a"))]);

        public Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(IReadOnlyList<long> messageIds, DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ClaimedMessage>>(Finished.Count > 0 || !messageIds.Contains(1)
                ? []
                : [new ClaimedMessage(1, new ChatTarget("msteams", "a"), new DateOnly(2026, 6, 15), new WeeklyReport())]);

        public Task MarkSentAsync(long messageId, int tries, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (++RecordTries <= failingRecords)
            {
                throw new InvalidOperationException("database is locked");
            }

            Finished.Add("sent");
            return Task.CompletedTask;
        }

        public Task MarkFailedAsync(long messageId, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Finished.Add("failed");
            return Task.CompletedTask;
        }
    }

    private sealed class Channel : IMessageComposer<string>, IMessageSender<string>, ITargetGoneHandler
    {
        public int Sent;

        public Task<string> ComposeAsync(ClaimedMessage message, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult("report");

        public Task SendAsync(MessageTarget target, string content, CancellationToken cancellationToken)
        {
            Sent++;
            return Task.CompletedTask;
        }

        public Task HandleAsync(ClaimedMessage message, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static async Task<(DispatchSummary Summary, Outbox Outbox, Channel Channel)> DispatchAsync(int failingRecords)
    {
        var outbox = new Outbox(failingRecords);
        var channel = new Channel();
        using var dispatcher = new OutboxDispatcher<string>(outbox, channel, channel, channel,
            Options.Create(new ReminderOptions { PerChatMessagesPerMinute = 0, GlobalMessagesPerSecond = 0 }), TimeProvider.System, NullLogger<OutboxDispatcher<string>>.Instance);
        var summary = await dispatcher.DispatchAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        return (summary, outbox, channel);
    }

    [Fact]
    public async Task ARecordThatFailsOnce_IsTriedAgain_AndTheMessageCountsAsSent()
    {
        var (summary, outbox, channel) = await DispatchAsync(failingRecords: 1);

        Assert.Equal((1, 0), (summary.Sent, summary.Failed));
        Assert.Equal(1, channel.Sent);
        Assert.Equal(["sent"], outbox.Finished);
    }

    [Fact]
    public async Task ARecordThatKeepsFailing_LeavesTheMessageInFlight_NeverFailed_NorSentAgainByTheSameDispatch()
    {
        var (summary, outbox, channel) = await DispatchAsync(failingRecords: 100);

        Assert.Equal(1, channel.Sent);
        Assert.Equal(1, summary.Sent);
        Assert.Empty(outbox.Finished);
        Assert.Equal(3, outbox.RecordTries);
        Assert.Equal(0, summary.Failed);
    }
}
