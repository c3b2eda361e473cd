using CampaignBot.Data;
using CampaignBot.Ledger;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// The campaign the ledger belongs to. One database holds one campaign. Writing it runs inside the
/// caller's write (the plan's, the seeder's: their transaction); the chat reads it on its own.
/// </summary>
public sealed class CampaignRepository(LedgerDatabase database)
{
    public async Task<Campaign?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await CurrentAsync(connection, null);
    }

    /// <summary>The campaign as the caller's write sees it.</summary>
    public Task<Campaign?> CurrentAsync(SqliteTransaction transaction) => CurrentAsync(transaction.Connection!, transaction);

    private static Task<Campaign?> CurrentAsync(SqliteConnection connection, SqliteTransaction? transaction) =>
        connection.QueryFirstOrDefaultAsync<Campaign>("SELECT id, name, starts_on, ends_on FROM campaign ORDER BY id LIMIT 1", transaction: transaction);

    public Task<long> InsertAsync(SqliteTransaction transaction, string name, DateOnly startsOn, DateOnly endsOn, DateTimeOffset at) =>
        transaction.Connection!.ExecuteScalarAsync<long>(
            "INSERT INTO campaign (name, starts_on, ends_on, created_at) VALUES (@Name, @StartsOn, @EndsOn, @At) RETURNING id",
            new { Name = name, StartsOn = startsOn, EndsOn = endsOn, At = UtcText.Format(at) }, transaction);

    /// <summary>Widens the campaign's dates so that they cover an imported plan.</summary>
    public Task CoverAsync(SqliteTransaction transaction, long campaignId, DateOnly startsOn, DateOnly endsOn) =>
        transaction.Connection!.ExecuteAsync(
            "UPDATE campaign SET starts_on = min(starts_on, @StartsOn), ends_on = max(ends_on, @EndsOn) WHERE id = @Id",
            new { Id = campaignId, StartsOn = startsOn, EndsOn = endsOn }, transaction);
}
