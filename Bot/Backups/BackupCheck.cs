using CampaignBot.Data;
using CampaignBot.EvidenceFiles;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using CampaignBot.Ledger.ReadModels;

namespace CampaignBot.Backups;

/// <summary>
/// What a restore checks in its copy of a backup before it replaces anything: each database passes
/// SQLite's integrity check, the ledger's schema is not newer than this build knows, and every
/// evidence file the ledger says is kept is there with its SHA-256.
/// </summary>
public static class BackupCheck
{
    public enum Kind
    {
        LedgerMissing,
        DatabaseDamaged,
        SchemaNewer,
        EvidenceMissing,
        EvidenceChanged,
    }

    public sealed record Problem(Kind Kind, string Detail);

    public static async Task<IReadOnlyList<Problem>> CheckAsync(string ledger, string? scheduler, string evidenceFolder, CancellationToken cancellationToken)
    {
        if (!File.Exists(ledger))
        {
            return [new Problem(Kind.LedgerMissing, Path.GetFileName(ledger))];
        }

        var problems = new List<Problem>();
        foreach (var database in new[] { ledger, scheduler }.OfType<string>().Where(File.Exists))
        {
            if (await IntegrityAsync(database, cancellationToken) is { } damage)
            {
                problems.Add(new Problem(Kind.DatabaseDamaged, $"{Path.GetFileName(database)}: {damage}"));
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        await using var connection = Open(ledger);
        var version = await connection.ExecuteScalarAsync<long?>("SELECT max(version) FROM schema_migration;") ?? 0;
        if (version > SchemaMigrator.LatestVersion)
        {
            problems.Add(new Problem(Kind.SchemaNewer, $"{version} > {SchemaMigrator.LatestVersion}"));
            return problems;
        }

        // The same check as `evidence verify`, on the copy's folder.
        var store = new EvidenceFileStore(Options.Create(new EvidenceOptions { Folder = evidenceFolder }));
        var kept = await KeptEvidence.InAsync(connection);
        foreach (var (sha256, name) in kept)
        {
            var check = await store.VerifyAsync(sha256, cancellationToken);
            if (check != FileCheck.Intact)
            {
                problems.Add(new Problem(check == FileCheck.Missing ? Kind.EvidenceMissing : Kind.EvidenceChanged, $"{name} ({sha256})"));
            }
        }

        return problems;
    }

    /// <summary>Null when SQLite finds the file sound; otherwise what it found (its first lines).</summary>
    private static async Task<string?> IntegrityAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Open(path);
            var result = (await connection.QueryAsync<string>("PRAGMA integrity_check;")).ToList();
            return result is ["ok"] ? null : string.Join("; ", result.Take(3));
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
