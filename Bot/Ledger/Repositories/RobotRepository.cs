using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// The group robots of each office. The kind is stored as text, "dingtalk" or "wecom": Dapper reads
/// it back into <see cref="RobotKind"/> by name, ignoring case, but passes an enum parameter as its
/// number (past any type handler), so it is written through <see cref="StoredKind"/>.
/// </summary>
public sealed class RobotRepository(LedgerDatabase database)
{
    private const string SelectRobots = """
        SELECT r.id, r.office_id, o.name AS office_name, r.kind, r.url, r.secret, r.source
        FROM robot r JOIN office o ON o.id = r.office_id
        """;

    public async Task<IReadOnlyList<Robot>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Robot>(SelectRobots + " ORDER BY r.id")).AsList();
    }

    public async Task<Robot?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Robot>(SelectRobots + " WHERE r.id = @Id", new { Id = id });
    }

    /// <summary>Adds the robot, or re-points an existing one with the same webhook, in the caller's transaction; returns its id.</summary>
    public Task<long> UpsertAsync(SqliteTransaction transaction, long officeId, RobotKind kind, string url, string? secret, string source, DateTimeOffset at) =>
        transaction.Connection!.ExecuteScalarAsync<long>(
            """
            INSERT INTO robot (office_id, kind, url, secret, source, created_at) VALUES (@OfficeId, @Kind, @Url, @Secret, @Source, @At)
            ON CONFLICT (url) DO UPDATE SET office_id = excluded.office_id, kind = excluded.kind, secret = excluded.secret, source = excluded.source
            RETURNING id
            """,
            new { OfficeId = officeId, Kind = StoredKind(kind), Url = url, Secret = string.IsNullOrWhiteSpace(secret) ? null : secret, Source = source, At = UtcText.Format(at) },
            transaction);

    /// <summary>Removes the robots from the configuration that it no longer lists (those added in chat stay).</summary>
    public Task RemoveConfiguredExceptAsync(SqliteTransaction transaction, IReadOnlyList<long> kept) =>
        transaction.Connection!.ExecuteAsync("DELETE FROM robot WHERE source = 'config' AND id NOT IN @Kept", new { Kept = kept }, transaction);

    public static string StoredKind(RobotKind kind) => kind == RobotKind.DingTalk ? "dingtalk" : "wecom";
}
