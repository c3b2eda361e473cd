using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CampaignBot.Data;

/// <summary>Opens connections to the ledger's SQLite file and runs writes in immediate transactions.</summary>
public sealed class LedgerDatabase
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
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database until the command timeout runs out.
            DefaultTimeout = Math.Max(1, storage.BusyTimeoutMilliseconds / 1000),
        }.ToString();
    }

    private readonly int busyTimeoutMilliseconds;

    /// <summary>
    /// SQLite has one writer at a time. Writers of this process queue here, woken as soon as the
    /// one before them commits; left to SQLite's busy handler they would sleep in 1-100 ms steps
    /// (measured: 16 parallel outbox writers then ran at half the CPU). Other processes still meet
    /// busy_timeout.
    /// </summary>
    private readonly SemaphoreSlim writeGate = new(1, 1);

    public string FilePath { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // busy_timeout: a writer waiting for the lock is woken by SQLite in small steps, instead of
        // Microsoft.Data.Sqlite's own retry, which sleeps 150 ms at a time.
        // synchronous = NORMAL: in WAL mode it syncs at checkpoints, not at every commit; a killed
        // process loses nothing and the file stays consistent; only an OS crash or power cut can
        // lose the last commits, which for the outbox means at worst a reminder sent again.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that takes the write lock at its start
    /// (BEGIN IMMEDIATE), so that a read-then-write inside it cannot be overtaken by another writer.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }
}
