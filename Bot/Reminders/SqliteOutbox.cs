using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Reminders;

/// <summary>
/// The outbox over the ledger's database. States: pending → sending (committed before the send) →
/// sent | failed | cancelled. A row left in sending by a crash is sent again after a restart.
/// </summary>
public sealed class SqliteOutbox(LedgerDatabase database, ReminderMessageBuilder messages, CampaignClock clock) : IOutbox
{
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
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<OutboxMessage>(
            "SELECT id, target FROM outbox_message WHERE state IN ('pending', 'sending') ORDER BY id")).AsList();
    }

    private sealed record ClaimedRow(long Id, string Kind, string Target, DateOnly SendDay, string? Body);

    public Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(IReadOnlyList<long> messageIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var ids = new { Ids = messageIds.ToArray(), Now = UtcText.Format(now) };
            var claimed = (await connection.QueryAsync<ClaimedRow>(
                """
                UPDATE outbox_message SET state = 'sending', updated_at = @Now
                WHERE id IN @Ids AND state IN ('pending', 'sending')
                RETURNING id, kind, target, send_day, body
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
                .ToLookup(r => r.MessageId, r => (r.TaskId ?? 0, r.Kind));

            var empty = claimed.Where(m => m.Kind == "reminders" && !items[m.Id].Any()).Select(m => m.Id).ToList();
            foreach (var id in empty)
            {
                await Finish(connection, transaction, id, "cancelled", 0, null, now);
            }

            return (IReadOnlyList<ClaimedMessage>)claimed
                .Where(m => !empty.Contains(m.Id))
                .Select(m => new ClaimedMessage(m.Id, m.Target, m.Kind, m.SendDay, m.Body, items[m.Id].ToList()))
                .ToList();
        }, cancellationToken);

    public async Task<PreparedMessage> PrepareAsync(ClaimedMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var content = message.Kind switch
        {
            "reminders" => await messages.RemindersAsync(message.Target, message.SendDay, message.Items, cancellationToken),
            "report" => await messages.ReportAsync(message.Target, message.SendDay, await FailuresSinceAsync(now.AddDays(-7), cancellationToken), cancellationToken),
            _ => await messages.NoticeAsync(message.Target, message.Body ?? string.Empty, cancellationToken),
        };
        return new PreparedMessage(message.Id, message.Target, content);
    }

    public Task MarkSentAsync(long messageId, int tries, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => Finish(c, t, messageId, "sent", tries, null, now), cancellationToken);

    public Task MarkFailedAsync(long messageId, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => Finish(c, t, messageId, "failed", tries, error, now), cancellationToken);

    public Task MarkTargetGoneAsync(long messageId, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await Finish(connection, transaction, messageId, "failed", tries, error, now);
            var target = await connection.ExecuteScalarAsync<string>("SELECT target FROM outbox_message WHERE id = @Id", new { Id = messageId }, transaction);
            var chat = ChatTarget.Parse(target!);
            var before = await ConversationRepository.FindAsync(connection, transaction, chat.ChannelId, chat.ConversationId);
            await connection.ExecuteAsync(
                """
                UPDATE conversation SET bound_office_id = NULL, bound_person_id = NULL, removed_at = @Now
                WHERE channel_id = @ChannelId AND conversation_id = @ConversationId
                """, new { Now = UtcText.Format(now), chat.ChannelId, chat.ConversationId }, transaction);
            await connection.ExecuteAsync(
                "UPDATE outbox_message SET state = 'cancelled', updated_at = @Now WHERE target = @Target AND state = 'pending'",
                new { Now = UtcText.Format(now), Target = target }, transaction);
            await AuditRepository.AppendAsync(connection, transaction, new AuditEntry
            {
                At = now,
                ActorAccount = "system",
                Action = "conversation.removed",
                Entity = "conversation",
                EntityKey = $"{chat.ChannelId}:{chat.ConversationId}",
                BeforeJson = JsonSerializer.Serialize(new { Office = before?.BoundOfficeName, before?.BoundPersonId }, AuditJson.Options),
                AfterJson = JsonSerializer.Serialize(new { Reason = error }, AuditJson.Options),
                ChannelId = chat.ChannelId,
                ConversationId = chat.ConversationId,
            });

            // Tell the coordinators, in the leadership office's chats, through the same outbox.
            var body = messages.ChatRemovedNotice(chat.ConversationId, before?.BoundOfficeName);
            await Notices.EnqueueAsync(connection, transaction, await Notices.LeadershipChatsAsync(connection, transaction), body, now, clock.Zone);

            return true;
        }, cancellationToken);

    private static async Task<bool> Finish(SqliteConnection connection, SqliteTransaction transaction, long messageId, string state, int tries, string? error, DateTimeOffset now)
    {
        var at = UtcText.Format(now);
        await connection.ExecuteAsync(
            """
            UPDATE outbox_message SET state = @State, attempts = attempts + @Tries, last_error = @Error,
                   sent_at = CASE WHEN @State = 'sent' THEN @At ELSE sent_at END, updated_at = @At
            WHERE id = @Id
            """, new { Id = messageId, State = state, Tries = tries, Error = error, At = at }, transaction);
        await connection.ExecuteAsync(
            """
            UPDATE reminder SET state = @State, attempts = attempts + @Tries, sent_at = CASE WHEN @State = 'sent' THEN @At ELSE sent_at END
            WHERE message_id = @Id AND state = 'pending'
            """, new { Id = messageId, State = state, Tries = tries, At = at }, transaction);
        return true;
    }

    private async Task<IReadOnlyList<(string Chat, string Error)>> FailuresSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string Target, string? Error)>(
                "SELECT target, last_error FROM outbox_message WHERE state = 'failed' AND updated_at >= @Since ORDER BY id",
                new { Since = UtcText.Format(since) }))
            .Select(f => (Robots.Robot.IsTarget(f.Target) ? f.Target : ChatTarget.Parse(f.Target).ConversationId, f.Error ?? ""))
            .ToList();
    }
}
