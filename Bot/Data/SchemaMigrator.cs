using System.Globalization;
using Dapper;
using CampaignBot.Security;

namespace CampaignBot.Data;

/// <summary>
/// Brings the ledger's schema up to date from the numbered scripts embedded beside this class
/// (Migrations/0001_*.sql, ...). Each script runs once, in a transaction with its version row.
/// The <see cref="ILedgerGuard"/> (the backups, in the bot) is asked first: before the ledger is
/// opened, and before the first pending script of a ledger that already holds data.
/// </summary>
public sealed class SchemaMigrator(LedgerDatabase database, TimeProvider time, ILogger<SchemaMigrator> logger, ILedgerGuard? guard = null)
{
    private const string ResourcePrefix = "CampaignBot.Data.Migrations.";

    /// <summary>The newest schema this build knows; a restore refuses a ledger newer than this.</summary>
    public static long LatestVersion => Scripts().Last().Version;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (guard is not null)
        {
            await guard.BeforeOpenAsync(cancellationToken);
        }

        // The ledger holds robot secrets and transcripts: owner-only, before SQLite creates it.
        PrivateFiles.EnsureFile(database.FilePath);
        await using var connection = await database.OpenAsync(cancellationToken);

        // WAL lets readers go on while a writer commits; it is a property of the file and persists.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migration;")).ToHashSet();
        var pending = Scripts().Where(s => !applied.Contains(s.Version)).ToList();

        // A new ledger has nothing to lose; one that was migrated before holds the campaign.
        if (guard is not null && pending.Count > 0 && applied.Count > 0)
        {
            await guard.BeforeMigrationAsync(applied.Max(), pending[^1].Version, cancellationToken);
        }

        foreach (var (version, name) in pending)
        {
            var sql = await ReadScriptAsync(name);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await connection.ExecuteAsync(sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migration (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
                new { Version = version, Name = name, AppliedAt = UtcText.Format(time.GetUtcNow()) },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied ledger migration {Version} ({Name}) to {Path}", version, name, database.FilePath);
        }
    }

    private static IEnumerable<(long Version, string Name)> Scripts() =>
        typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Select(n => (Version: long.Parse(n[..n.IndexOf('_')], CultureInfo.InvariantCulture), Name: n))
            .OrderBy(s => s.Version);

    private static async Task<string> ReadScriptAsync(string name)
    {
        await using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(ResourcePrefix + name)!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
