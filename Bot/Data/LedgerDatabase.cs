using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CampaignBot.Data;

/// <summary>Opens connections to the ledger's SQLite file and runs writes in immediate transactions.</summary>
public sealed class LedgerDatabase : IAsyncDisposable, IDisposable
{
    public LedgerDatabase(IOptions<StorageOptions> options)
    {
        DapperConventions.EnsureRegistered();
        var storage = options.Value;
        busyTimeoutMilliseconds = storage.BusyTimeoutMilliseconds;
        FilePath = Path.GetFullPath(storage.DatabasePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            // foreign_keys is set with the other pragmas, once per SQLite handle (see OpenAsync):
            // ForeignKeys = true would run it again on every open from the pool.
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database until the command timeout runs out.
            DefaultTimeout = Math.Max(1, storage.BusyTimeoutMilliseconds / 1000),
        }.ToString();
        Reads = new PreparedReads(this);
        // On real time, whatever the campaign's clock: it is a chore of the disk, and an anchored
        // test clock must neither stop it nor, advanced by a day, run it 86,400 times.
        checkpoints = new WalCheckpoints(FilePath, TimeProvider.System);
    }

    /// <summary>Checkpoints in the background, so that no commit waits for one while holding the write lock.</summary>
    private readonly WalCheckpoints checkpoints;

    private readonly int busyTimeoutMilliseconds;

    /// <summary>
    /// SQLite has one writer at a time. Writers of this process queue here, woken as soon as the
    /// one before them commits; left to SQLite's busy handler they would sleep in 1-100 ms steps
    /// (measured: 16 parallel outbox writers then ran at half the CPU). Other processes still meet
    /// busy_timeout.
    /// </summary>
    private readonly SemaphoreSlim writeGate = new(1, 1);

    /// <summary>
    /// The write that holds <see cref="writeGate"/>, and the write this async flow is inside: a flow
    /// is inside the holding write only while both are the same. (Work started inside a write and
    /// still running after it committed carries the old one, so it may write then.)
    /// </summary>
    private object? holder;

    private readonly AsyncLocal<object?> insideWrite = new();

    /// <summary>
    /// The open write's transaction and what is to run once it commits (<see cref="AfterCommit"/>).
    /// One write at a time holds <see cref="writeGate"/>, so one list serves.
    /// </summary>
    private SqliteTransaction? openTransaction;

    private readonly List<Action> afterCommit = [];

    private static readonly object Configured = new();

    /// <summary>The pooled SQLite handles whose per-connection pragmas are already set.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> configuredHandles = new();

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>The hot reads of a chat turn, on connections that keep their statements prepared.</summary>
    public PreparedReads Reads { get; }

    public ValueTask DisposeAsync()
    {
        checkpoints.Dispose();
        return Reads.DisposeAsync();
    }

    /// <summary>For containers disposed synchronously (a plain ServiceProvider's Dispose).</summary>
    public void Dispose()
    {
        checkpoints.Dispose();
        Reads.Dispose();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // busy_timeout: a writer waiting for the lock is woken by SQLite in small steps, instead of
        // Microsoft.Data.Sqlite's own retry, which sleeps 150 ms at a time.
        // synchronous = NORMAL: in WAL mode it syncs at checkpoints, not at every commit; a killed
        // process loses nothing and the file stays consistent; only an OS crash or power cut can
        // lose the last commits, which for the outbox means at worst a reminder sent again.
        // wal_autocheckpoint = 0: checkpoints run in the background (WalCheckpoints), not in a commit.
        // The settings live as long as the SQLite handle, which the pool keeps: set them once per handle.
        if (connection.Handle is { } handle && !configuredHandles.TryGetValue(handle, out _))
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; {WalCheckpoints.WritersLeaveCheckpoints}";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            configuredHandles.AddOrUpdate(handle, Configured);
        }

        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that takes the write lock at its start
    /// (BEGIN IMMEDIATE), so that a read-then-write inside it cannot be overtaken by another writer.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        // The gate is not re-entrant: a write started inside another would wait for itself for ever.
        if (insideWrite.Value is { } write && ReferenceEquals(write, Volatile.Read(ref holder)))
        {
            throw new InvalidOperationException("A ledger write was started inside another; pass the open connection and transaction to it instead.");
        }

        await using var connection = await OpenAsync(cancellationToken);
        Action[] committed = [];
        await writeGate.WaitAsync(cancellationToken);
        var thisWrite = new object();
        Volatile.Write(ref holder, thisWrite);
        insideWrite.Value = thisWrite;
        try
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            openTransaction = transaction;
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            committed = [.. afterCommit];
            return result;
        }
        finally
        {
            // Dropped on a rollback: what was to follow the commit never happened.
            afterCommit.Clear();
            openTransaction = null;
            insideWrite.Value = null;
            Volatile.Write(ref holder, null);
            writeGate.Release();
            // After letting go of the gate, so that what runs may write in its turn.
            foreach (var action in committed)
            {
                action();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the write whose transaction this is has committed (once,
    /// however often it is asked for), never before and never if it rolls back: e.g. the outbox
    /// waking delivery for what the write queued.
    /// </summary>
    public void AfterCommit(SqliteTransaction transaction, Action action)
    {
        if (!ReferenceEquals(transaction, openTransaction))
        {
            throw new InvalidOperationException("AfterCommit is for the transaction of the open ledger write.");
        }

        if (!afterCommit.Contains(action))
        {
            afterCommit.Add(action);
        }
    }
}
