using Microsoft.Data.Sqlite;

namespace CampaignBot.Data;

/// <summary>
/// Copies the ledger's write-ahead log into its database file in the background, once a second,
/// instead of inside whichever commit happens to fill the log past 1,000 pages (SQLite's default).
/// </summary>
/// <remarks>
/// A checkpoint copies the log and syncs the file to disk. Run by a committing writer it did so while
/// that writer still held the ledger's one write lock, so every other write (a Web Chat message, its
/// answer, an outbox mark) waited behind a disk sync: measured on the Direct Line bench, where each
/// question and answer is stored, this stall, not the CPU, capped the channel (581 questions/s with
/// the writers checkpointing, 872 with this, on the same loaded machine). A PASSIVE checkpoint blocks
/// neither readers nor writers; it copies what no reader still needs and leaves the rest for the next
/// run. Nothing about durability changes: a commit is in the log (and, with synchronous = NORMAL,
/// synced at checkpoints) exactly as before. The last connection to close still checkpoints, as SQLite
/// always does.
/// </remarks>
public sealed class WalCheckpoints : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>The pragma each writing connection of this process gets, so that commits leave checkpoints to this class.</summary>
    public const string WritersLeaveCheckpoints = "PRAGMA wal_autocheckpoint = 0;";

    private readonly string connectionString;
    private readonly ITimer timer;
    private int running;

    public WalCheckpoints(string filePath, TimeProvider time)
    {
        // ReadWrite, never Create: a checkpoint that runs after a test (or a restore) removed the
        // file must not leave an empty database in its place. Not pooled: a pooled handle would keep
        // the file it was opened on (a restore renames files aside) between runs.
        connectionString = new SqliteConnectionStringBuilder { DataSource = filePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        timer = time.CreateTimer(_ => Checkpoint(), null, Interval, Interval);
    }

    /// <summary>One PASSIVE checkpoint; a run still going when the next is due is not doubled.</summary>
    public void Checkpoint()
    {
        if (Interlocked.Exchange(ref running, 1) == 1)
        {
            return;
        }

        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            checkpoint.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // The file is not there (yet, or any more) or not a database: the next run tries again,
            // and a commit never depends on a checkpoint.
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }

    public void Dispose() => timer.Dispose();
}
