using CampaignBot.Scheduling.Delivery;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Outbox;

/// <summary>Where notices go, read in the transaction of the change that owes them.</summary>
public static class NoticeTargets
{
    /// <summary>The chats bound to the leadership group office (the coordinators').</summary>
    public static async Task<IReadOnlyList<MessageTarget>> LeadershipChatsAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        (await connection.QueryAsync<(string ChannelId, string ConversationId)>(
            """
            SELECT c.channel_id, c.conversation_id FROM conversation c JOIN office o ON o.id = c.bound_office_id
            WHERE o.kind = 'leadership' AND c.removed_at IS NULL
            """, transaction: transaction)).Select(c => (MessageTarget)new ChatTarget(c.ChannelId, c.ConversationId)).ToList();

    /// <summary>The chats bound to an office.</summary>
    public static async Task<IReadOnlyList<MessageTarget>> OfficeChatsAsync(SqliteConnection connection, SqliteTransaction transaction, long officeId) =>
        (await connection.QueryAsync<(string ChannelId, string ConversationId)>(
            "SELECT channel_id, conversation_id FROM conversation WHERE bound_office_id = @OfficeId AND removed_at IS NULL",
            new { OfficeId = officeId }, transaction)).Select(c => (MessageTarget)new ChatTarget(c.ChannelId, c.ConversationId)).ToList();
}
