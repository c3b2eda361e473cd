using CampaignBot.Scheduling.Delivery;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger;

/// <summary>
/// People's own 1:1 chats with the bot: what is theirs to hear goes there when no bound chat stands
/// for them. One per person: the chat they subscribed (订阅我的提醒), else the one they last wrote
/// in, in any channel; only chats the bot can send to (a known address, not removed), and nobody
/// who opted out (退订).
/// </summary>
public static class PersonalChats
{
    private const string Latest = """
        SELECT person_id, channel_id, conversation_id FROM (
            SELECT c.person_id, c.channel_id, c.conversation_id,
                   row_number() OVER (PARTITION BY c.person_id
                                      ORDER BY c.bound_person_id IS c.person_id DESC, c.last_seen_at DESC, c.channel_id, c.conversation_id) AS n
            FROM conversation c JOIN person p ON p.id = c.person_id
            WHERE c.is_group = 0 AND c.removed_at IS NULL AND c.service_url IS NOT NULL AND p.personal_opt_out_at IS NULL)
        WHERE n = 1
        """;

    /// <summary>Every person's personal chat, by person id.</summary>
    public static async Task<IReadOnlyDictionary<long, MessageTarget>> AllAsync(SqliteConnection connection, SqliteTransaction? transaction) =>
        (await connection.QueryAsync<(long PersonId, string ChannelId, string ConversationId)>(Latest, transaction: transaction))
            .ToDictionary(c => c.PersonId, c => (MessageTarget)new ChatTarget(c.ChannelId, c.ConversationId));

    /// <summary>The personal chats of these people (those who have one), each once.</summary>
    public static async Task<IReadOnlyList<MessageTarget>> OfAsync(SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<long> personIds) =>
        (await connection.QueryAsync<(long PersonId, string ChannelId, string ConversationId)>(
            Latest + " AND person_id IN @Ids ORDER BY person_id", new { Ids = personIds.Distinct().ToArray() }, transaction))
            .Select(c => (MessageTarget)new ChatTarget(c.ChannelId, c.ConversationId))
            .Distinct()
            .ToList();
}
