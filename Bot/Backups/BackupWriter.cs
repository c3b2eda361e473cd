using CampaignBot.Security;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Backups;

/// <summary>
/// The one way a backup is made (the `backup` verb, the nightly copy, the copy before a migration):
/// the ledger and the scheduler's store through SQLite's online backup (a consistent snapshot
/// while the bot writes), the evidence files, the Web Chat uploads and the Direct Line secret as
/// files. Everything owner-only, like the data it copies.
/// </summary>
public sealed class BackupWriter(BackupLayout layout)
{
    /// <summary>Writes a backup into <paramref name="folder"/> (new or empty); returns how many evidence files it holds.</summary>
    public async Task<int> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        PrivateFiles.EnsureFolder(folder);
        await CopyDatabaseAsync(layout.LedgerPath, Path.Combine(folder, layout.LedgerName), cancellationToken);
        if (File.Exists(layout.SchedulerPath))
        {
            await CopyDatabaseAsync(layout.SchedulerPath, Path.Combine(folder, layout.SchedulerName), cancellationToken);
        }

        // Files are written once under their hash and never changed, so a plain copy is consistent;
        // one that arrives during the copy is in the next backup.
        var copied = CopyFolder(layout.EvidenceFolder, Path.Combine(folder, BackupLayout.EvidenceName), cancellationToken);

        // The embedded channel's uploads (the pictures in Web Chat transcripts) and its secret.
        CopyFolder(layout.AttachmentsFolder, Path.Combine(folder, BackupLayout.AttachmentsName), cancellationToken);
        if (File.Exists(layout.SecretFile))
        {
            File.Copy(layout.SecretFile, Path.Combine(folder, layout.SecretName));
        }

        return copied;
    }

    /// <summary>Copies a folder's files (not the store's unfinished .incoming ones), owner-only; how many.</summary>
    internal static int CopyFolder(string source, string target, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(source))
        {
            return 0;
        }

        PrivateFiles.EnsureFolder(target);
        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            PrivateFiles.EnsureParentFolder(to);
            File.Copy(file, to);
            copied++;
        }

        return copied;
    }

    /// <summary>SQLite's online backup: a consistent snapshot even while the bot writes.</summary>
    private static async Task CopyDatabaseAsync(string source, string target, CancellationToken cancellationToken)
    {
        PrivateFiles.EnsureFile(target);
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await from.OpenAsync(cancellationToken);
        await to.OpenAsync(cancellationToken);
        // The scheduler's store is not in WAL mode: while Quartz writes to it a reader is refused
        // (SQLITE_BUSY) unless it waits; the backup step waits through the source's busy handler.
        await using (var wait = from.CreateCommand())
        {
            wait.CommandText = "PRAGMA busy_timeout = 30000;";
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        from.BackupDatabase(to);
    }
}
