using System.Globalization;
using CampaignBot.Data;
using Microsoft.Extensions.Options;

namespace CampaignBot.Backups;

/// <summary>
/// What the schema migrator asks of the backups before it touches the ledger (it runs first in
/// the bot and in every verb): finish a restore a crash interrupted, hold the shared data lock for
/// the life of the process (so that a restore knows the data is in use), and copy the ledger
/// before a migration changes a ledger that holds data.
/// </summary>
public sealed class LedgerGuard(BackupLayout layout, BackupWriter writer, IOptions<BackupOptions> options, TimeProvider time, ILogger<LedgerGuard> logger)
    : ILedgerGuard, IDisposable
{
    private IDisposable? shared;

    public Task BeforeOpenAsync(CancellationToken cancellationToken)
    {
        if (shared is not null)
        {
            return Task.CompletedTask;
        }

        if (RestoreJournal.IsPending(layout.LedgerPath))
        {
            using var exclusive = DataFolderLock.TryTake(layout.LedgerPath, exclusive: true);
            if (exclusive is not null && RestoreJournal.Complete(layout.LedgerPath))
            {
                logger.LogWarning("Finished a restore that was interrupted (the journal beside {Ledger}); the restored data is in place", layout.LedgerPath);
            }
        }

        shared = DataFolderLock.TryTake(layout.LedgerPath, exclusive: false)
            ?? throw new IOException(
                $"A restore is running on {layout.LedgerPath} (it holds {DataFolderLock.PathFor(layout.LedgerPath)}); start again when it has finished.");
        return Task.CompletedTask;
    }

    public async Task BeforeMigrationAsync(long fromVersion, long toVersion, CancellationToken cancellationToken)
    {
        if (!options.Value.BeforeMigration)
        {
            logger.LogWarning("Migrating the ledger from schema {From} to {To} without a backup (Backup:BeforeMigration is false)", fromVersion, toVersion);
            return;
        }

        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var folder = Path.Combine(options.Value.FolderFor(layout.LedgerPath), $"before-migration-{fromVersion:D4}-to-{toVersion:D4}-{stamp}");
        try
        {
            var files = await writer.WriteAsync(folder, cancellationToken);
            logger.LogInformation("Backed up the ledger to {Folder} ({Files} evidence files) before migrating it from schema {From} to {To}", folder, files, fromVersion, toVersion);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"Could not back up the ledger into {folder} before migrating it from schema {fromVersion} to {toVersion}, so nothing was migrated: {e.Message} "
                + "Free space there or set Backup:Folder; Backup:BeforeMigration=false migrates without a copy.", e);
        }
    }

    public void Dispose() => shared?.Dispose();
}
