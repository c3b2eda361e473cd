using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Time;
using Dapper;

namespace CampaignBot.Ledger;

/// <summary>
/// A chat removed the bot (the channel answered 403/404): in one transaction the message fails, the
/// chat is unbound and marked removed (it is bound again when it writes to the bot), what else was
/// pending for it is cancelled, the audit says why, and the coordinators get a notice.
/// </summary>
public sealed class RemovedChats(LedgerDatabase database, AuditRepository audit, ConversationRepository conversations, OutboxRepository outbox, CampaignClock clock) : ITargetGoneHandler
{
    public Task HandleAsync(ClaimedMessage message, int tries, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await outbox.FinishAsync(transaction, message.Id, "failed", tries, error, now);
            if (message.Target is not ChatTarget chat)
            {
                return false;
            }

            var before = await conversations.FindAsync(transaction, chat.ChannelId, chat.ConversationId);
            if (before?.RemovedAt is not null)
            {
                // Another message to it, sent in the same pass, already found it gone: told once.
                return false;
            }

            await connection.ExecuteAsync(
                """
                UPDATE conversation SET removed_office_id = coalesce(bound_office_id, removed_office_id), bound_office_id = NULL, bound_person_id = NULL, removed_at = @Now
                WHERE channel_id = @ChannelId AND conversation_id = @ConversationId
                """, new { Now = UtcText.Format(now), chat.ChannelId, chat.ConversationId }, transaction);
            await outbox.CancelPendingToAsync(transaction, chat, now);
            await audit.AppendAsync(transaction, new AuditEntry
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

            await outbox.EnqueueNoticeAsync(transaction, await NoticeTargets.CoordinatorsAsync(connection, transaction),
                new Notice.ChatRemoved(chat.ChannelId, chat.ConversationId, before?.BoundOfficeId), now, clock.Zone);
            return true;
        }, cancellationToken);
}
