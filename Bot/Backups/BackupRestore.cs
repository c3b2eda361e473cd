using System.Globalization;
using CampaignBot.Security;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Backups;

/// <summary>
/// `restore &lt;folder&gt;`: puts a backup (the `backup` verb's, a nightly or a pre-migration copy)
/// in place of the bot's data. Refused while the bot (or a verb) has the data open
/// (<see cref="DataFolderLock"/>). Each piece is first copied next to the place it goes
/// (<c>&lt;target&gt;.restoring</c>, on the same disk, so that putting it in place is a rename), and
/// that copy is checked (<see cref="BackupCheck"/>); anything wrong and the copies are removed with
/// the data untouched. Then the renames, through <see cref="RestoreJournal"/>: the data in place
/// goes aside as <c>&lt;target&gt;.before-restore-&lt;time&gt;</c> (kept, for the operator to delete
/// when satisfied), the checked copy takes its place.
/// </summary>
public sealed class BackupRestore(BackupLayout layout, TimeProvider time, ILogger<BackupRestore> logger)
{
    public abstract record Outcome
    {
        public sealed record Restored(IReadOnlyList<string> KeptAside) : Outcome;

        /// <summary>The bot or another verb holds the data; nothing done.</summary>
        public sealed record InUse(string LockFile) : Outcome;

        public sealed record NoSuchFolder : Outcome;

        /// <summary>The backup failed a check; nothing replaced.</summary>
        public sealed record Refused(IReadOnlyList<BackupCheck.Problem> Problems) : Outcome;
    }

    private const string Staging = ".restoring";

    public async Task<Outcome> RestoreAsync(string source, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(source))
        {
            return new Outcome.NoSuchFolder();
        }

        using var held = DataFolderLock.TryTake(layout.LedgerPath, exclusive: true);
        if (held is null)
        {
            return new Outcome.InUse(DataFolderLock.PathFor(layout.LedgerPath));
        }

        RestoreJournal.Complete(layout.LedgerPath);
        // This process's own pooled handles on the files about to move (a test's, or a verb's).
        SqliteConnection.ClearAllPools();

        var staged = new List<(string Staged, string Target, bool IsDatabase)>();
        try
        {
            foreach (var piece in layout.Pieces)
            {
                var from = Path.Combine(source, piece.Name);
                if (piece.IsFolder ? !Directory.Exists(from) : !File.Exists(from))
                {
                    continue;
                }

                var copy = piece.Target + Staging;
                Delete(copy); // left by a restore interrupted before its journal
                if (piece.IsFolder)
                {
                    BackupWriter.CopyFolder(from, copy, cancellationToken);
                }
                else
                {
                    PrivateFiles.EnsureParentFolder(copy);
                    File.Copy(from, copy);
                    PrivateFiles.EnsureFile(copy);
                }

                staged.Add((copy, piece.Target, piece.IsDatabase));
            }

            var problems = await BackupCheck.CheckAsync(
                layout.LedgerPath + Staging,
                File.Exists(layout.SchedulerPath + Staging) ? layout.SchedulerPath + Staging : null,
                layout.EvidenceFolder + Staging,
                cancellationToken);
            if (problems.Count > 0)
            {
                staged.ForEach(s => Delete(s.Staged));
                return new Outcome.Refused(problems);
            }
        }
        catch
        {
            staged.ForEach(s => Delete(s.Staged));
            throw;
        }

        var stamp = ".before-restore-" + time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var moves = new List<RestoreJournal.Move>();
        var aside = new List<string>();
        foreach (var (copy, target, isDatabase) in staged)
        {
            // A database's -wal and -shm belong to the file they were written for: left beside the
            // restored one, SQLite would replay the old data's log into it.
            var current = isDatabase ? new[] { target, target + "-wal", target + "-shm", target + "-journal" } : [target];
            foreach (var old in current.Where(p => File.Exists(p) || Directory.Exists(p)))
            {
                moves.Add(new RestoreJournal.Move(old, old + stamp));
                if (old == target)
                {
                    aside.Add(old + stamp);
                }
            }

            moves.Add(new RestoreJournal.Move(copy, target));
        }

        RestoreJournal.Write(layout.LedgerPath, moves);
        RestoreJournal.Complete(layout.LedgerPath);
        logger.LogInformation("Restored {Source} into the bot's data; the data replaced is kept as {Aside}", source, aside);
        return new Outcome.Restored(aside);
    }

    private static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }
}
