using CampaignBot.Data;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignBot.Tests.Data;

public class SchemaMigratorTests
{
    /// <summary>
    /// The versions of the numbered scripts shipped in the assembly (Migrations/0001_*.sql …).
    /// Numbers are reserved per change, so one may be missing until its change lands.
    /// </summary>
    private static readonly long[] EmbeddedVersions = typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("CampaignBot.Data.Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => long.Parse(n["CampaignBot.Data.Migrations.".Length..].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture))
        .Order()
        .ToArray();

    [Fact]
    public async Task Migrate_NewFile_CreatesVersionedSchemaInWalMode()
    {
        await using var database = await TestDatabase.CreateAsync(seedSample: false);
        await using var connection = await database.OpenAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(EmbeddedVersions, await connection.QueryAsync<long>("SELECT version FROM schema_migration ORDER BY version"));
        Assert.Superset(new HashSet<long> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, EmbeddedVersions.ToHashSet());
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        Assert.Superset(new HashSet<string> { "campaign", "office", "person", "channel_account", "task", "task_co_office", "evidence", "conversation", "audit", "workday", "reminder_day", "outbox_message", "reminder", "robot", "directline_conversation", "directline_activity", "directline_attachment", "task_series", "extension_request", "understanding_miss" }, tables);
    }

    [Fact]
    public async Task Migrate_Twice_ChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(seedSample: true);

        await new SchemaMigrator(database.Database, database.Time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        await using var connection = await database.OpenAsync();
        Assert.Equal(EmbeddedVersions.Length, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migration"));
        Assert.Equal(37, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM task"));
    }

    [Fact]
    public async Task Ledger_TaskForUnknownOffice_IsRejectedByForeignKey()
    {
        await using var database = await TestDatabase.CreateAsync(seedSample: true);
        await using var connection = await database.OpenAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(
            "INSERT INTO task (campaign_id, code, title, lead_office_id, due_on, updated_at) VALUES (1, 'X1', 'x', 999, '2026-07-01', '2026-06-15T01:00:00.000Z')"));
        Assert.Contains("FOREIGN KEY", error.Message);
    }

    [Fact]
    public async Task Ledger_DoneWithoutTime_IsRejectedByCheck()
    {
        await using var database = await TestDatabase.CreateAsync(seedSample: true);
        await using var connection = await database.OpenAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE task SET status = 'done' WHERE code = 'T014'"));
        // SQLITE_CONSTRAINT_CHECK (275, primary code 19) from the task table's rule that done goes with done_at.
        Assert.Equal((19, 275), (error.SqliteErrorCode, error.SqliteExtendedErrorCode));
        Assert.Contains("CHECK constraint failed: (status = 'done') = (done_at IS NOT NULL)", error.Message);
    }
}
