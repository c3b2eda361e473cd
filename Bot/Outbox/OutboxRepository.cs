using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Outbox;

/// <summary>
/// The one outbox, over the ledger's database: every outgoing message (reminders, a snooze, the
/// weekly report, notices) is stored here, in the transaction of whatever owes it, as a typed
/// target and typed content. States: pending → sending (committed before the send) → sent |
/// failed | cancelled. A row left in sending by a crash is sent again after a restart.
/// </summary>
public sealed class OutboxRepository : IOutbox
{
    /// <remarks>"kind" may come anywhere in the object: a row written by hand or by another tool is read the same.</remarks>
    private static readonly JsonSerializerOptions NoticeJson = new(JsonSerializerDefaults.Web) { AllowOutOfOrderMetadataProperties = true };

    private readonly LedgerDatabase database;

    /// <summary>Messages finished by the parallel sends, committed a batch at a time (each sender still waits for its commit).</summary>
    private readonly GroupCommit<Finish> finishes;

    private readonly TimeProvider time;

    public OutboxRepository(LedgerDatabase database, TimeProvider time)
    {
        this.database = database;
        this.time = time;
        finishes = new GroupCommit<Finish>(database, FinishAsync);
    }

    /// <summary>How a sent or failed message is finished.</summary>
    private sealed record Finish(long Id, string State, int Tries, string? Error, string At);

    /// <summary>Queues one notice per target (each target once), to go at the next dispatch.</summary>
    public static Task EnqueueNoticeAsync(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<MessageTarget> targets, Notice notice, DateTimeOffset now, TimeZoneInfo zone) =>
        connection.ExecuteAsync(
            """
            INSERT INTO outbox_message (target, kind, send_day, planned_at, notice, updated_at)
            VALUES (@Target, 'notice', @Day, @Now, @Notice, @Now)
            """,
            targets.Distinct().Select(t => new
            {
                Target = t.Key,
                Day = SendSchedule.LocalDay(now, zone),
                Now = UtcText.Format(now),
                Notice = JsonSerializer.Serialize(notice, NoticeJson),
            }), transaction);

    /// <summary>Whether a notice of this kind was queued on this local day (a notice owed once a day).</summary>
    public static Task<bool> NoticeQueuedOnAsync(SqliteConnection connection, SqliteTransaction transaction, string kind, DateOnly day) =>
        connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM outbox_message WHERE kind = 'notice' AND send_day = @Day AND json_extract(notice, '$.kind') = @Kind)",
            new { Day = day, Kind = kind }, transaction);

    /// <summary>
    /// Queues one message to <paramref name="target"/> carrying the reminders (or the report), and
    /// records each reminder against it: a reminder's identity (task, occurrence, kind, target) is
    /// recorded once, so <see cref="IsRecordedAsync"/> finds it and it is never planned twice.
    /// </summary>
    public static async Task<long> EnqueueRemindersAsync(
        SqliteConnection connection, SqliteTransaction transaction, MessageTarget target, bool report, DateOnly sendDay, DateTimeOffset sendAt,
        IEnumerable<ScheduledReminder> reminders, DateTimeOffset now)
    {
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

    public static Task<bool> IsRecordedAsync(SqliteConnection connection, SqliteTransaction transaction, PlannedReminder reminder) =>
        connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM reminder WHERE ifnull(task_id, 0) = ifnull(@TaskId, 0) AND occurrence = @Occurrence AND kind = @Kind AND target = @Target)",
            new { reminder.TaskId, reminder.Occurrence, reminder.Kind, Target = reminder.Target.Key }, transaction);

    /// <summary>Reminders queued for a task's old deadline or old office are not sent; the next planning follows the new ones.</summary>
    public static Task CancelPendingRemindersOfTaskAsync(SqliteConnection connection, SqliteTransaction transaction, long taskId) =>
        connection.ExecuteAsync("UPDATE reminder SET state = 'cancelled' WHERE task_id = @TaskId AND state = 'pending'", new { TaskId = taskId }, transaction);

    /// <summary>Pending messages to a chat that is gone are not sent.</summary>
    public static Task CancelPendingToAsync(SqliteConnection connection, SqliteTransaction transaction, MessageTarget target, DateTimeOffset now) =>
        connection.ExecuteAsync(
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
                await database.WriteAsync(async (c, t) =>
                {
                    await FinishAsync(c, t, id, "failed", 0, error, time.GetUtcNow());
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

    private sealed record ClaimedRow(long Id, string Kind, string Target, DateOnly SendDay, string? Body, string? Notice);

    public Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(IReadOnlyList<long> messageIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var ids = new { Ids = messageIds.ToArray(), Now = UtcText.Format(now) };
            var claimed = (await connection.QueryAsync<ClaimedRow>(
                """
                UPDATE outbox_message SET state = 'sending', updated_at = @Now
                WHERE id IN @Ids AND state IN ('pending', 'sending')
                RETURNING id, kind, target, send_day, body, notice
                """, ids, transaction)).ToList();

            // A task done since planning, or whose deadline moved (its occurrence changed), is not reminded.
            await connection.ExecuteAsync(
                """
                UPDATE reminder SET state = 'cancelled'
                WHERE message_id IN @Ids AND state = 'pending' AND task_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM task t WHERE t.id = reminder.task_id AND t.status = 'open' AND t.due_on = reminder.occurrence)
                """, ids, transaction);
            var items = (await connection.QueryAsync<(long MessageId, long? TaskId, string Kind)>(
                    "SELECT message_id, task_id, kind FROM reminder WHERE message_id IN @Ids AND state = 'pending' ORDER BY id", ids, transaction))
                .ToLookup(r => r.MessageId, r => new ReminderItem(r.TaskId ?? 0, r.Kind));

            var empty = claimed.Where(m => m.Kind == "reminders" && !items[m.Id].Any()).Select(m => m.Id).ToHashSet();
            foreach (var id in empty)
            {
                await FinishAsync(connection, transaction, id, "cancelled", 0, null, now);
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
                    await FinishAsync(connection, transaction, row.Id, "failed", 0, error, now);
                }
            }

            return (IReadOnlyList<ClaimedMessage>)ready;
        }, cancellationToken);

    private static OutboxContent Content(ClaimedRow row, IReadOnlyList<ReminderItem> items) => row.Kind switch
    {
        "reminders" => new ReminderList(items),
        "report" => new WeeklyReport(),
        "notice" when row.Notice is not null => JsonSerializer.Deserialize<Notice>(row.Notice, NoticeJson) ?? throw new JsonException("an empty notice"),
        "notice" when row.Body is not null => new LegacyTextNotice(row.Body),
        _ => throw new FormatException($"a {row.Kind} message with nothing to send"),
    };

    public Task MarkSentAsync(long messageId, int tries, DateTimeOffset now, CancellationToken cancellationToken) =>
        finishes.WriteAsync(new Finish(messageId, "sent", tries, null, UtcText.Format(now)), cancellationToken);

    public Task MarkFailedAsync(long messageId, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        finishes.WriteAsync(new Finish(messageId, "failed", tries, error, UtcText.Format(now)), cancellationToken);

    /// <summary>Finishes a message and its reminders, in the caller's transaction.</summary>
    public static Task FinishAsync(
        SqliteConnection connection, SqliteTransaction transaction, long messageId, string state, int tries, string? error, DateTimeOffset now) =>
        FinishAsync(connection, transaction, [new Finish(messageId, state, tries, error, UtcText.Format(now))]);

    private static async Task FinishAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Finish> finished)
    {
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
    public static Task<bool> AnyRecordedAsync(SqliteConnection connection, SqliteTransaction transaction, long taskId, string kind, MessageTarget target) =>
        connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM reminder WHERE task_id = @TaskId AND kind = @Kind AND target = @Target)",
            new { TaskId = taskId, Kind = kind, Target = target.Key }, transaction);

    /// <summary>
    /// Forgets the messages to these chats and the reminders of a campaign's tasks (the sample
    /// campaign removed before the real plan): children first, then the messages left empty.
    /// </summary>
    public static Task ForgetAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<MessageTarget> chats, long? campaignId) =>
        connection.ExecuteAsync(
            """
            DELETE FROM reminder WHERE target IN @Chats OR task_id IN (SELECT id FROM task WHERE campaign_id = @CampaignId)
                OR message_id IN (SELECT id FROM outbox_message WHERE target IN @Chats);
            DELETE FROM outbox_message WHERE target IN @Chats AND id NOT IN (SELECT message_id FROM reminder);
            DELETE FROM reminder_day;
            """, new { Chats = chats.Select(c => c.Key).ToArray(), CampaignId = campaignId }, transaction);
}
