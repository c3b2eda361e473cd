using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// The audit trail. A row is appended, and changes are looked up, inside the caller's write (its
/// transaction, whose connection is the write's); the chat's and the history's reads open their own.
/// </summary>
public sealed class AuditRepository(LedgerDatabase database)
{
    /// <summary>Appends the row and returns its id: a change read from words is undone by it (撤销).</summary>
    public Task<long> AppendAsync(SqliteTransaction transaction, AuditEntry entry) =>
        transaction.Connection!.ExecuteScalarAsync<long>(
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

    /// <summary>Whether anything was ever done under this action (e.g. the sample campaign removed).</summary>
    public Task<bool> AnyAsync(SqliteTransaction transaction, string action) =>
        transaction.Connection!.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM audit WHERE action = @Action)", new { Action = action }, transaction);

    public Task<AuditEntry?> ByIdAsync(SqliteTransaction transaction, long id) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<AuditEntry>("SELECT * FROM audit WHERE id = @Id", new { Id = id }, transaction);

    /// <summary>The task's changes audited after <paramref name="afterId"/>: any, and a change before them is no longer the last word.</summary>
    public Task<long?> LaterChangeOfTaskAsync(SqliteTransaction transaction, string code, long afterId) =>
        transaction.Connection!.ExecuteScalarAsync<long?>(
            "SELECT min(id) FROM audit WHERE entity = 'task' AND entity_key = @Code AND id > @After", new { Code = code, After = afterId }, transaction);

    /// <summary>Rows read at a time, newest first, by <see cref="LatestInChatSinceAsync"/>.</summary>
    private const int Page = 64;

    /// <summary>
    /// The entity key of the latest <paramref name="action"/> by this person in this chat at or after
    /// <paramref name="since"/>; null when there is none.
    /// </summary>
    /// <remarks>
    /// The audit has no index but its id, and rows are appended in time order: it is read backwards a
    /// page at a time and the reading stops at the first row older than <paramref name="since"/>, so
    /// the cost is the last minutes' rows, not the table's: at 200,000 rows, 0.1 ms against 41 ms for a
    /// filtered scan (SQLite 3.40, measured from Python's sqlite3 on the shared 2-core machine).
    /// </remarks>
    public async Task<string?> LatestInChatSinceAsync(
        string action, long personId, string channelId, string conversationId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var from = UtcText.Format(since);
        var before = long.MaxValue;
        while (true)
        {
            var rows = (await connection.QueryAsync<(long Id, string At, string Action, long? PersonId, string? ChannelId, string? ConversationId, string EntityKey)>(
                "SELECT id, at, action, actor_person_id, channel_id, conversation_id, entity_key FROM audit WHERE id < @Before ORDER BY id DESC LIMIT @Page",
                new { Before = before, Page })).AsList();
            foreach (var row in rows)
            {
                if (string.CompareOrdinal(row.At, from) < 0)
                {
                    return null;
                }

                if (row.Action == action && row.PersonId == personId && row.ChannelId == channelId && row.ConversationId == conversationId)
                {
                    return row.EntityKey;
                }
            }

            if (rows.Count < Page)
            {
                return null;
            }

            before = rows[^1].Id;
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ForEntityAsync(string entity, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AuditEntry>(
            "SELECT * FROM audit WHERE entity = @Entity AND entity_key = @Key ORDER BY id", new { Entity = entity, Key = key })).AsList();
    }
}
