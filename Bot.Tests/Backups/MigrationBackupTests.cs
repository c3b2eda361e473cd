using CampaignBot.Backups;
using CampaignBot.Data;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.Backups;

/// <summary>
/// Issue 25, point 4: a backup is taken before a schema migration changes a ledger that holds
/// data (an upgrade), not for a new ledger; a backup that cannot be written stops the migration; a
/// verb started while a restore holds the ledger is refused in one line, before it migrates anything.
/// </summary>
public sealed class MigrationBackupTests : IDisposable
{
    private readonly BackupFolders data = new(TestDatabase.NewFolder());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data.Root, recursive: true);
    }

    /// <summary>A ledger as the previous release left it: every migration but the newest, and a row of the campaign.</summary>
    private void LedgerOfThePreviousRelease()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(data.Ledger)!);
        using var connection = new SqliteConnection($"Data Source={data.Ledger};Pooling=False");
        connection.Open();
        connection.Execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "CampaignBot.Data.Migrations.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).SkipLast(1))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            connection.Execute(reader.ReadToEnd());
            connection.Execute("INSERT INTO schema_migration VALUES (@Version, @Name, '2026-01-01T00:00:00Z')", new { Version = long.Parse(name[prefix.Length..][..4]), Name = name });
        }

        connection.Execute("INSERT INTO campaign (name, starts_on, ends_on, created_at) VALUES ('创建全国文明单位', '2026-01-01', '2026-12-31', '2026-01-01T00:00:00Z')");
    }

    private static long Version(string ledger)
    {
        using var connection = new SqliteConnection($"Data Source={ledger};Mode=ReadOnly;Pooling=False");
        return connection.ExecuteScalar<long>("SELECT max(version) FROM schema_migration");
    }

    [Fact]
    public async Task AnUpgrade_BacksUpTheLedgerAsItWas_BeforeMigratingIt()
    {
        LedgerOfThePreviousRelease();
        var previous = Version(data.Ledger);

        await using (var services = data.Services())
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        }

        Assert.Equal(SchemaMigrator.LatestVersion, Version(data.Ledger));
        var copy = Assert.Single(Directory.GetDirectories(data.Backups, $"before-migration-{previous:D4}-to-{SchemaMigrator.LatestVersion:D4}-*"));
        Assert.Equal(previous, Version(Path.Combine(copy, "campaignbot.db")));
        using var connection = new SqliteConnection($"Data Source={Path.Combine(copy, "campaignbot.db")};Mode=ReadOnly;Pooling=False");
        Assert.Equal("创建全国文明单位", connection.ExecuteScalar<string>("SELECT name FROM campaign"));
    }

    [Fact]
    public async Task ANewLedger_HasNothingToLose_AndNoBackup()
    {
        await using (var services = data.Services())
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        }

        Assert.Equal(SchemaMigrator.LatestVersion, Version(data.Ledger));
        Assert.False(Directory.Exists(data.Backups));
    }

    [Fact]
    public async Task ABackupThatCannotBeWritten_StopsTheMigration()
    {
        LedgerOfThePreviousRelease();
        var previous = Version(data.Ledger);
        var blocked = Path.Combine(data.Root, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "a file where the backups should go");

        await using (var services = data.Services(new Dictionary<string, string?> { ["Backup:Folder"] = blocked }))
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None));
            Assert.Contains("nothing was migrated", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(previous, Version(data.Ledger));
    }

    [Fact]
    public async Task AVerbStartedWhileARestoreHoldsTheLedger_IsRefusedInOneLine()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(data.Ledger)!);
        using var restoring = DataFolderLock.TryTake(data.Ledger, exclusive: true);
        Assert.NotNull(restoring);

        await using var services = data.Services();
        var (code, output) = await OperatorRun.RunAsync(services, "evidence", "verify");

        Assert.Equal(1, code);
        Assert.Contains("A restore is running", output, StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
    }
}
