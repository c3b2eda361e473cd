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

    public string FilePath { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that takes the write lock at its start
    /// (BEGIN IMMEDIATE), so that a read-then-write inside it cannot be overtaken by another writer.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
