using CampaignBot.Data;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Data;

/// <summary>
/// A commit never checkpoints (a checkpoint syncs the disk, and in the commit it did so holding the
/// one write lock); the background does, soon after. A real SQLite file; a scratch table of its own.
/// </summary>
public class WalCheckpointsTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var connection = await database.Database.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE scratch (b BLOB)");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task TheLedgersConnections_LeaveCheckpointsToTheBackground()
    {
        await using var connection = await database.Database.OpenAsync();

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
    }

    [Fact]
    public async Task ALargeWrite_ReachesTheDatabaseFile_WithinAFewSeconds()
    {
        var before = new FileInfo(database.Path).Length;

        // 8 MB, about 2,000 pages: past SQLite's own threshold of 1,000, which no commit acts on here.
        await database.Database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync("INSERT INTO scratch (b) VALUES (@B)", Enumerable.Range(0, 64).Select(_ => new { B = new byte[128 * 1024] }), transaction));

        var copied = before + 8 * 1024 * 1024;
        await Eventually.WaitAsync(() => new FileInfo(database.Path).Length >= copied, TimeSpan.FromSeconds(10));

        Assert.True(new FileInfo(database.Path).Length >= copied, "the log was not copied into the database file");
    }
}
