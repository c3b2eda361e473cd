using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Time;
using Microsoft.Extensions.Options;

namespace CampaignBot.EvidenceFiles;

/// <summary>
/// The background retry of evidence files that could not be fetched when they arrived (a channel
/// down, a link that failed): every <see cref="EvidenceOptions.RetrySweepSeconds"/> the due ones are
/// tried again; a file given up on is reported once to its task's office, through the outbox.
/// </summary>
public sealed class EvidenceRetryService(
    EvidenceCollector collector, EvidenceFileStore store, LedgerDatabase database, EvidenceFileRepository files, OutboxRepository outbox, CampaignClock clock, IOptions<EvidenceOptions> options,
    IOptions<Scheduling.Reminders.ReminderOptions> reminders, TimeProvider time, ILogger<EvidenceRetryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.RemoveLeftovers();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RetrySweepSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The evidence retry pass failed; the next one tries again");
            }
        }
    }

    /// <summary>One pass: retry what is due, then tell offices about files given up on.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await collector.RetryDueAsync(cancellationToken);
        await ReportLostAsync(cancellationToken);
    }

    /// <summary>
    /// Queues one notice per lost file to its lead office (its chats, or else its people: the task's
    /// owner and whoever sent the file count as owners) and the coordinators, who keep the binder,
    /// in the transaction that marks it reported (whose commit wakes delivery).
    /// </summary>
    public Task<int> ReportLostAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var lost = await files.UnreportedLostAsync(transaction);
            var now = time.GetUtcNow();
            var coordinators = lost.Count > 0 ? await NoticeTargets.CoordinatorsAsync(connection, transaction) : [];
            foreach (var file in lost)
            {
                var owners = new[] { file.OwnerId, file.SentById }.OfType<long>();
                var chats = (await NoticeTargets.OfficeAsync(connection, transaction, file.LeadOfficeId, owners, reminders.Value.UnboundOfficeRecipientsOrDefault()))
                    .Concat(coordinators);
                await outbox.EnqueueNoticeAsync(transaction, chats, new Notice.EvidenceLost(file.FileId), now, clock.Zone);
            }

            await files.MarkReportedAsync(transaction, lost.Select(f => f.FileId), now);
            return lost.Count;
        }, cancellationToken);
}
