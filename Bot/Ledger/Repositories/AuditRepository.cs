using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

public sealed class AuditRepository(LedgerDatabase database)
{
    /// <summary>Appends the row and returns its id: a change read from words is undone by it (撤销).</summary>
    public static Task<long> AppendAsync(SqliteConnection connection, SqliteTransaction transaction, AuditEntry entry) =>
        connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO audit (at, actor_person_id, actor_account, action, entity, entity_key, before_json, after_json, channel_id, conversation_id)
            VALUES (@At, @ActorPersonId, @ActorAccount, @Action, @Entity, @EntityKey, @BeforeJson, @AfterJson, @ChannelId, @ConversationId)
            RETURNING id
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

    public static Task<AuditEntry?> ByIdAsync(SqliteConnection connection, SqliteTransaction? transaction, long id) =>
        connection.QuerySingleOrDefaultAsync<AuditEntry>("SELECT * FROM audit WHERE id = @Id", new { Id = id }, transaction);

    /// <summary>The task's changes audited after <paramref name="afterId"/>: any, and a change before them is no longer the last word.</summary>
    public static Task<long?> LaterChangeOfTaskAsync(SqliteConnection connection, SqliteTransaction? transaction, string code, long afterId) =>
        connection.ExecuteScalarAsync<long?>(
            "SELECT min(id) FROM audit WHERE entity = 'task' AND entity_key = @Code AND id > @After", new { Code = code, After = afterId }, transaction);

    public async Task<IReadOnlyList<AuditEntry>> ForEntityAsync(string entity, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AuditEntry>(
            "SELECT * FROM audit WHERE entity = @Entity AND entity_key = @Key ORDER BY id", new { Entity = entity, Key = key })).AsList();
    }
}
