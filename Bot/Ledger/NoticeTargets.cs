using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger;

/// <summary>
/// Where notices go, read in the transaction of the change that owes them. A chat bound to the office
/// concerned stands for its people; without one, the notice goes to its people's own 1:1 chats
/// (<see cref="PersonalChats"/>), so that every notice has a person to go to.
/// </summary>
public static class NoticeTargets
{
    /// <summary>
    /// The coordinators: the chats bound to the leadership group office; if it has none, each
    /// coordinator's personal chat.
    /// </summary>
    public static async Task<IReadOnlyList<MessageTarget>> CoordinatorsAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        var chats = (await connection.QueryAsync<(string ChannelId, string ConversationId)>(
            """
            SELECT c.channel_id, c.conversation_id FROM conversation c JOIN office o ON o.id = c.bound_office_id
            WHERE o.kind = 'leadership' AND c.removed_at IS NULL
            """, transaction: transaction)).Select(c => (MessageTarget)new ChatTarget(c.ChannelId, c.ConversationId)).ToList();
        return chats.Count > 0
            ? chats
            : await PersonalChats.OfAsync(connection, transaction,
                await connection.QueryAsync<long>("SELECT id FROM person WHERE role = 'coordinator'", transaction: transaction));
    }

    /// <summary>
    /// An office: the chats bound to it; if it has none, the personal chats of the people
    /// <paramref name="recipients"/> names (<paramref name="owners"/> for <see cref="UnboundOfficeRecipient.Owner"/>).
    /// </summary>
    public static async Task<IReadOnlyList<MessageTarget>> OfficeAsync(
        SqliteConnection connection, SqliteTransaction transaction, long officeId, IEnumerable<long> owners, IReadOnlyList<UnboundOfficeRecipient> recipients)
    {
        var chats = (await connection.QueryAsync<(string ChannelId, string ConversationId)>(
            "SELECT channel_id, conversation_id FROM conversation WHERE bound_office_id = @OfficeId AND removed_at IS NULL",
            new { OfficeId = officeId }, transaction)).Select(c => (MessageTarget)new ChatTarget(c.ChannelId, c.ConversationId)).ToList();
        if (chats.Count > 0)
        {
            return chats;
        }

        var people = (await connection.QueryAsync<(long Id, string Role)>(
            "SELECT id, role FROM person WHERE office_id = @OfficeId", new { OfficeId = officeId }, transaction)).ToList();
        var wanted = recipients.SelectMany(recipient => recipient switch
        {
            UnboundOfficeRecipient.Owner => owners,
            UnboundOfficeRecipient.Lead => people.Where(p => p.Role == "lead").Select(p => p.Id),
            UnboundOfficeRecipient.Everyone => people.Select(p => p.Id),
            _ => [],
        });
        return await PersonalChats.OfAsync(connection, transaction, wanted);
    }
}
