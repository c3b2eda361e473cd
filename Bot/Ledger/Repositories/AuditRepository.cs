using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

public sealed class AuditRepository(LedgerDatabase database)
{
    public static Task AppendAsync(SqliteConnection connection, SqliteTransaction transaction, AuditEntry entry) =>
        connection.ExecuteAsync(
            """
            INSERT INTO audit (at, actor_person_id, actor_account, action, entity, entity_key, before_json, after_json, channel_id, conversation_id)
            VALUES (@At, @ActorPersonId, @ActorAccount, @Action, @Entity, @EntityKey, @BeforeJson, @AfterJson, @ChannelId, @ConversationId)
            """,
            new
            {
                At = UtcText.Format(entry.At),
                entry.ActorPersonId,
                entry.ActorAccount,
                entry.Action,
                entry.Entity,
                entry.EntityKey,
                entry.BeforeJson,
                entry.AfterJson,
                entry.ChannelId,
                entry.ConversationId,
            },
            transaction);

    public async Task<IReadOnlyList<AuditEntry>> ForEntityAsync(string entity, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AuditEntry>(
            "SELECT * FROM audit WHERE entity = @Entity AND entity_key = @Key ORDER BY id", new { Entity = entity, Key = key })).AsList();
    }
}
