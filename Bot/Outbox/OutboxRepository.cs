using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Outbox;

/// <summary>
/// The one outbox, over the ledger's database, blind to what it carries: every outgoing message is
/// stored here, in the transaction of whatever owes it, as a typed target and one of three kinds:
/// reminders (task id, occurrence and kind per item), the weekly report, or a payload its owner wrote
/// as JSON (the ledger's notices) and reads back (<see cref="IOutboxPayloadReader"/>). States:
/// pending → sending (committed before the send) → sent | failed | cancelled. A row left in sending
/// by a crash is sent again after a restart. Whether a reminder is still owed when it is claimed is
/// the ledger's to say (<see cref="IOwedReminders"/>). A write that queues a payload wakes delivery
/// once it commits (<see cref="OutboxWake"/>).
/// </summary>
public sealed class OutboxRepository : IOutbox
{
    private readonly LedgerDatabase database;

    /// <summary>Messages finished by the parallel sends, committed a batch at a time (each sender still waits for its commit).</summary>
    private readonly GroupCommit<Finish> finishes;

    private readonly TimeProvider time;
    private readonly OutboxWake wake;
    private readonly IOwedReminders owed;
    private readonly IOutboxPayloadReader payloads;

    public OutboxRepository(LedgerDatabase database, TimeProvider time, OutboxWake wake, IOwedReminders owed, IOutboxPayloadReader payloads)
    {
        this.database = database;
        this.time = time;
        this.wake = wake;
        this.owed = owed;
        this.payloads = payloads;
        finishes = new GroupCommit<Finish>(database, (connection, transaction, finished) => FinishAsync(transaction, finished));
    }

    /// <summary>How a sent or failed message is finished.</summary>
    private sealed record Finish(long Id, string State, int Tries, string? Error, string At);

    /// <summary>
    /// Queues one payload message per target (each target once), to go at once: delivery is woken
    /// when the caller's write commits (and not at all if it rolls back).
    /// </summary>
    /// <param name="payload">JSON with a "kind" property that names it (its owner's reader reads it back).</param>
    public async Task EnqueuePayloadAsync(
        SqliteTransaction transaction, IEnumerable<MessageTarget> targets, string payload, DateTimeOffset now, TimeZoneInfo zone)
    {
        await transaction.Connection!.ExecuteAsync(
            """
            INSERT INTO outbox_message (target, kind, send_day, planned_at, notice, updated_at)
            VALUES (@Target, 'notice', @Day, @Now, @Payload, @Now)
            """,
            targets.Distinct().Select(t => new
            {
                Target = t.Key,
                Day = SendSchedule.LocalDay(now, zone),
                Now = UtcText.Format(now),
                Payload = payload,
            }), transaction);
        database.AfterCommit(transaction, wake.Wake);
    }

    /// <summary>Whether a payload of this kind (its "kind" property) was queued on this local day (one owed once a day).</summary>
    public Task<bool> PayloadQueuedOnAsync(SqliteTransaction transaction, string kind, DateOnly day) =>
        transaction.Connection!.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM outbox_message WHERE kind = 'notice' AND send_day = @Day AND json_extract(notice, '$.kind') = @Kind)",
            new { Day = day, Kind = kind }, transaction);

    /// <summary>
    /// Queues one message to <paramref name="target"/> carrying the reminders (or the report), and
    /// records each reminder against it: a reminder's identity (task, occurrence, kind, target) is
    /// recorded once, so <see cref="IsRecordedAsync"/> finds it and it is never planned twice. This
    /// does not wake delivery: its callers (the reminder run, a snooze's job) send right after, and a
    /// second run beside theirs would only race them for the same rows.
    /// </summary>
    public async Task<long> EnqueueRemindersAsync(
        SqliteTransaction transaction, MessageTarget target, bool report, DateOnly sendDay, DateTimeOffset sendAt,
        IEnumerable<ScheduledReminder> reminders, DateTimeOffset now)
    {
        var connection = transaction.Connection!;
        var messageId = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO outbox_message (target, kind, send_day, planned_at, updated_at)
            VALUES (@Target, @Kind, @SendDay, @PlannedAt, @At) RETURNING id
            """,
            new { Target = target.Key, Kind = report ? "report" : "reminders", SendDay = sendDay, PlannedAt = UtcText.Format(sendAt), At = UtcText.Format(now) }, transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO reminder (task_id, occurrence, kind, target, planned_at, message_id)
            VALUES (@TaskId, @Occurrence, @Kind, @Target, @PlannedAt, @MessageId)
            """,
            reminders.Select(s => new
            {
                s.Reminder.TaskId,
                s.Reminder.Occurrence,
                s.Reminder.Kind,
                Target = s.Reminder.Target.Key,
                PlannedAt = UtcText.Format(s.SendAt),
                MessageId = messageId,
            }), transaction);
        return messageId;
    }

    public Task<bool> IsRecordedAsync(SqliteTransaction transaction, PlannedReminder reminder) =>
        transaction.Connection!.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM reminder WHERE ifnull(task_id, 0) = ifnull(@TaskId, 0) AND occurrence = @Occurrence AND kind = @Kind AND target = @Target)",
            new { reminder.TaskId, reminder.Occurrence, reminder.Kind, Target = reminder.Target.Key }, transaction);

    /// <summary>Reminders queued for a task's old deadline or old office are not sent; the next planning follows the new ones.</summary>
    public Task CancelPendingRemindersOfTaskAsync(SqliteTransaction transaction, long taskId) =>
        transaction.Connection!.ExecuteAsync("UPDATE reminder SET state = 'cancelled' WHERE task_id = @TaskId AND state = 'pending'", new { TaskId = taskId }, transaction);

    /// <summary>Pending messages to a chat that is gone are not sent.</summary>
    public Task CancelPendingToAsync(SqliteTransaction transaction, MessageTarget target, DateTimeOffset now) =>
        transaction.Connection!.ExecuteAsync(
            "UPDATE outbox_message SET state = 'cancelled', updated_at = @Now WHERE target = @Target AND state = 'pending'",
            new { Now = UtcText.Format(now), Target = target.Key }, transaction);

    public async Task<bool> TryLeaseAsync(string holder, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE dispatch_lease SET holder = @Holder, heartbeat_at = @Now
            WHERE id = 1 AND (holder IS NULL OR holder = @Holder OR heartbeat_at < @StaleBefore)
            """, new { Holder = holder, Now = UtcText.Format(now), StaleBefore = UtcText.Format(now - staleAfter) }) == 1;
    }

    public async Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE dispatch_lease SET holder = NULL WHERE id = 1 AND holder = @Holder", new { Holder = holder });
    }

    public async Task<IReadOnlyList<OutboxMessage>> UnsentAsync(CancellationToken cancellationToken)
    {
        List<(long Id, string Target)> rows;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            rows = (await connection.QueryAsync<(long Id, string Target)>(
                "SELECT id, target FROM outbox_message WHERE state IN ('pending', 'sending') ORDER BY id")).AsList();
        }

        var unsent = new List<OutboxMessage>(rows.Count);
        foreach (var (id, key) in rows)
        {
            if (Readable(() => MessageTarget.Parse(key), out var target, out var error))
            {
                unsent.Add(new OutboxMessage(id, target));
            }
            else
            {
                await database.WriteAsync(async (_, t) =>
                {
                    await FinishAsync(t, id, "failed", 0, error, time.GetUtcNow());
                    return true;
                }, cancellationToken);
            }
        }

        return unsent;
    }

    /// <summary>
    /// A row this version cannot read (a target or notice kind written by a newer version, or by
    /// hand) fails alone, with the reason, instead of stopping every dispatch behind it.
    /// </summary>
    private static bool Readable<T>(Func<T> read, out T value, out string error)
    {
        try
        {
            value = read();
            error = "";
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException or InvalidOperationException)
        {
            value = default!;
            error = "unreadable: " + e.Message;
            return false;
        }
    }

    /// <remarks>Mapped by name, not by constructor: an expression column that is NULL in the first row has no type to match a constructor by.</remarks>
    private sealed record ClaimedRow
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string Target { get; init; } = "";
        public DateOnly SendDay { get; init; }
        public string? Payload { get; init; }
    }

    private sealed record PendingReminder(long Id, long MessageId, long? TaskId, DateOnly Occurrence, string Kind);

    public Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(IReadOnlyList<long> messageIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var ids = new { Ids = messageIds.ToArray(), Now = UtcText.Format(now) };
            // A payload queued before payloads were stored as JSON (schema 0012) kept its text in body: read as a legacy-text payload.
            var claimed = (await connection.QueryAsync<ClaimedRow>(
                """
                UPDATE outbox_message SET state = 'sending', updated_at = @Now
                WHERE id IN @Ids AND state IN ('pending', 'sending')
                RETURNING id, kind, target, send_day,
                          coalesce(notice, CASE WHEN body IS NOT NULL THEN json_object('kind', 'legacy-text', 'text', body) END) AS payload
                """, ids, transaction)).ToList();

            var pending = (await connection.QueryAsync<PendingReminder>(
                "SELECT id, message_id, task_id, occurrence, kind FROM reminder WHERE message_id IN @Ids AND state = 'pending' ORDER BY id", ids, transaction)).ToList();
            var stale = await StaleAsync(transaction, pending);
            var items = pending.Where(r => !stale.Contains(r.Id)).ToLookup(r => r.MessageId, r => new ReminderItem(r.TaskId ?? 0, r.Kind));

            var empty = claimed.Where(m => m.Kind == "reminders" && !items[m.Id].Any()).Select(m => m.Id).ToHashSet();
            foreach (var id in empty)
            {
                await FinishAsync(transaction, id, "cancelled", 0, null, now);
            }

            var ready = new List<ClaimedMessage>(claimed.Count);
            foreach (var row in claimed.Where(m => !empty.Contains(m.Id)))
            {
                if (Readable(() => new ClaimedMessage(row.Id, MessageTarget.Parse(row.Target), row.SendDay, Content(row, items[row.Id].ToList())), out var message, out var error))
                {
                    ready.Add(message);
                }
                else
                {
                    await FinishAsync(transaction, row.Id, "failed", 0, error, now);
                }
            }

            return (IReadOnlyList<ClaimedMessage>)ready;
        }, cancellationToken);

    /// <summary>
    /// Cancels the pending reminders the ledger no longer owes (a task done since planning, or whose
    /// deadline moved: its occurrence changed), and says which they were.
    /// </summary>
    private async Task<IReadOnlySet<long>> StaleAsync(SqliteTransaction transaction, IReadOnlyList<PendingReminder> pending)
    {
        var ofTasks = pending.Where(r => r.TaskId is not null).ToList();
        if (ofTasks.Count == 0)
        {
            return new HashSet<long>();
        }

        var stillOwed = await owed.StillOwedAsync(transaction, ofTasks.Select(r => (r.TaskId!.Value, r.Occurrence)).Distinct().ToList());
        var stale = ofTasks.Where(r => !stillOwed.Contains((r.TaskId!.Value, r.Occurrence))).Select(r => r.Id).ToHashSet();
        if (stale.Count > 0)
        {
            await transaction.Connection!.ExecuteAsync("UPDATE reminder SET state = 'cancelled' WHERE id IN @Ids", new { Ids = stale.ToArray() }, transaction);
        }

        return stale;
    }

    private OutboxContent Content(ClaimedRow row, IReadOnlyList<ReminderItem> items) => row.Kind switch
    {
        "reminders" => new ReminderList(items),
        "report" => new WeeklyReport(),
        "notice" when row.Payload is not null => payloads.Read(row.Payload),
        _ => throw new FormatException($"a {row.Kind} message with nothing to send"),
    };

    public Task MarkSentAsync(long messageId, int tries, DateTimeOffset now, CancellationToken cancellationToken) =>
        finishes.WriteAsync(new Finish(messageId, "sent", tries, null, UtcText.Format(now)), cancellationToken);

    public Task MarkFailedAsync(long messageId, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        finishes.WriteAsync(new Finish(messageId, "failed", tries, error, UtcText.Format(now)), cancellationToken);

    /// <summary>Finishes a message and its reminders, in the caller's transaction.</summary>
    public Task FinishAsync(SqliteTransaction transaction, long messageId, string state, int tries, string? error, DateTimeOffset now) =>
        FinishAsync(transaction, [new Finish(messageId, state, tries, error, UtcText.Format(now))]);

    private static async Task FinishAsync(SqliteTransaction transaction, IReadOnlyList<Finish> finished)
    {
        var connection = transaction.Connection!;
        // Dapper runs each statement once per message on one command, so each is prepared once per batch.
        await connection.ExecuteAsync(
            """
            UPDATE outbox_message SET state = @State, attempts = attempts + @Tries, last_error = @Error,
                   sent_at = CASE WHEN @State = 'sent' THEN @At ELSE sent_at END, updated_at = @At
            WHERE id = @Id
            """, finished, transaction);
        await connection.ExecuteAsync(
            """
            UPDATE reminder SET state = @State, attempts = attempts + @Tries, sent_at = CASE WHEN @State = 'sent' THEN @At ELSE sent_at END
            WHERE message_id = @Id AND state = 'pending'
            """, finished, transaction);
    }

    /// <summary>Messages that failed since <paramref name="since"/>, for the weekly report.</summary>
    /// <param name="since">From when; a target this version cannot read is named as stored.</param>
    /// <returns>Each failed message's target as stored, the target (null when this version cannot read it), and why.</returns>
    public async Task<IReadOnlyList<(string Key, MessageTarget? Target, string Error)>> FailuresSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string Target, string? Error)>(
                "SELECT target, last_error FROM outbox_message WHERE state = 'failed' AND updated_at >= @Since ORDER BY id",
                new { Since = UtcText.Format(since) }))
            .Select(f => (f.Target, Readable(() => MessageTarget.Parse(f.Target), out var target, out _) ? target : null, f.Error ?? ""))
            .ToList();
    }

    /// <summary>Whether a reminder of this kind for the task was ever recorded for the target, whatever its occurrence.</summary>
    public Task<bool> AnyRecordedAsync(SqliteTransaction transaction, long taskId, string kind, MessageTarget target) =>
        transaction.Connection!.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM reminder WHERE task_id = @TaskId AND kind = @Kind AND target = @Target)",
            new { TaskId = taskId, Kind = kind, Target = target.Key }, transaction);

    /// <summary>
    /// Forgets the messages to these chats and the reminders of these tasks (the sample campaign
    /// removed before the real plan): children first, then the messages left empty.
    /// </summary>
    public Task ForgetAsync(SqliteTransaction transaction, IReadOnlyList<MessageTarget> chats, IReadOnlyList<long> taskIds) =>
        transaction.Connection!.ExecuteAsync(
            """
            DELETE FROM reminder WHERE target IN @Chats OR task_id IN @TaskIds
                OR message_id IN (SELECT id FROM outbox_message WHERE target IN @Chats);
            DELETE FROM outbox_message WHERE target IN @Chats AND id NOT IN (SELECT message_id FROM reminder);
            """, new { Chats = chats.Select(c => c.Key).ToArray(), TaskIds = taskIds.ToArray() }, transaction);
}
