using System.Collections.Concurrent;
using System.Data;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Data;

/// <summary>
/// The hot reads of a chat turn (who is asking, which chat, which tasks) on connections that keep
/// their statements prepared. Dapper makes a new command per call and Microsoft.Data.Sqlite
/// prepares a new statement per command; for the office-tasks query preparing cost more than
/// running it (measured in SQLite alone: 233 µs uncached, 70 µs cached). Rows are still read by
/// Dapper's mapper, so the conventions are the same as everywhere else.
/// </summary>
/// <remarks>
/// Each statement is reset when its reader is disposed, so an idle session holds no snapshot: a
/// read always sees the latest commit, from this process or another. SQLite re-prepares a cached
/// statement by itself when the schema changes. Only fixed SQL belongs here (no list expansion).
/// </remarks>
public sealed class PreparedReads(LedgerDatabase database) : IAsyncDisposable, IDisposable
{
    /// <summary>
    /// Sessions kept between reads: enough for the outbox's parallel sends (Reminders:MaxParallelSends,
    /// 16 by default) as well as the chat turns, so a fan-out does not open and close sessions.
    /// </summary>
    private static readonly int MaxIdleSessions = Math.Max(32, Environment.ProcessorCount * 4);
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ParameterProperties = new();
    private readonly ConcurrentBag<Session> idle = [];

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken = default)
    {
        var session = idle.TryTake(out var reused) ? reused : new Session(await database.OpenAsync(cancellationToken));
        try
        {
            var command = session.Prepared(sql);
            Bind(command, parameters);
            var rows = new List<T>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                var parse = reader.GetRowParser<T>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(parse(reader));
                }
            }

            await ReturnAsync(session);
            return rows;
        }
        catch
        {
            // A session that failed mid-read is not trusted again.
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<T>(sql, parameters, cancellationToken);
        return rows.Count switch
        {
            0 => default,
            1 => rows[0],
            _ => throw new InvalidOperationException($"Expected at most one row, got {rows.Count}."),
        };
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var session))
        {
            await session.DisposeAsync();
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private async ValueTask ReturnAsync(Session session)
    {
        if (idle.Count < MaxIdleSessions)
        {
            idle.Add(session);
        }
        else
        {
            await session.DisposeAsync();
        }
    }

    private static void Bind(SqliteCommand command, object? parameters)
    {
        if (parameters is null)
        {
            return;
        }

        var properties = ParameterProperties.GetOrAdd(parameters.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance));
        foreach (var property in properties)
        {
            var value = property.GetValue(parameters) switch
            {
                null => DBNull.Value,
                DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset instant => UtcText.Format(instant),
                var other => other,
            };
            var name = "@" + property.Name;
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }
        }
    }

    /// <summary>One open connection and the statements prepared on it, used by one reader at a time.</summary>
    private sealed class Session(SqliteConnection connection) : IAsyncDisposable, IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

        public SqliteCommand Prepared(string sql)
        {
            if (!commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                commands[sql] = command;
            }

            return command;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }

            await connection.DisposeAsync();
        }

        public void Dispose()
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }
}
