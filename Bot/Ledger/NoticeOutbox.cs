using CampaignBot.Outbox;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger;

/// <summary>
/// The ledger's notices through the domain-blind outbox: queued as payloads in the deciding
/// transaction (delivery wakes once it commits), and read back when claimed.
/// </summary>
public static class NoticeOutbox
{
    /// <summary>Queues one notice per target (each target once); it goes as soon as the caller's write commits.</summary>
    public static Task EnqueueNoticeAsync(
        this OutboxRepository outbox, SqliteTransaction transaction, IEnumerable<MessageTarget> targets, Notice notice, DateTimeOffset now, TimeZoneInfo zone) =>
        outbox.EnqueuePayloadAsync(transaction, targets, notice.ToPayload(), now, zone);
}
