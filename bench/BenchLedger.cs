using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Bench;

/// <summary>
/// A ledger file for the query benchmarks: the given number of tasks over 200 offices, deadlines
/// spread around today, and the asking user ("bench-user") in office 1, which has exactly 50 tasks.
/// </summary>
public static class BenchLedger
{
    public const string Account = "bench-user";
    public const int Offices = 200;
    public const int OfficeTasks = 50;

    public static async Task<string> CreateAsync(string folder, int tasks, DateOnly today)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"ledger-{tasks}.db");
        var database = new LedgerDatabase(Options.Create(new StorageOptions { DatabasePath = path }));
        await new SchemaMigrator(database, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("INSERT INTO campaign (name, starts_on, ends_on, created_at) VALUES ('bench', '2026-01-01', '2027-12-31', '2026-06-01T00:00:00.000Z')", transaction: transaction);
            await connection.ExecuteAsync("INSERT INTO office (id, name, kind) VALUES (@Id, @Name, 'committee')",
                Enumerable.Range(1, Offices).Select(i => new { Id = i, Name = $"office-{i:000}" }), transaction);
            await connection.ExecuteAsync("INSERT INTO person (id, name, office_id, role) VALUES (1, 'bench user', 1, 'member')", transaction: transaction);
            await connection.ExecuteAsync("INSERT INTO channel_account (account_id, person_id, linked_at) VALUES (@Account, 1, '2026-06-01T00:00:00.000Z')", new { Account }, transaction);
            // Office 1 gets exactly 50 tasks (deadlines over the coming weeks); the rest share the other offices.
            await connection.ExecuteAsync(
                "INSERT INTO task (campaign_id, code, title, lead_office_id, owner_id, due_on, updated_at) VALUES (1, @Code, @Title, @Office, @Owner, @Due, '2026-06-01T00:00:00.000Z')",
                Enumerable.Range(0, tasks).Select(i => new
                {
                    Code = $"Q{i:000000}",
                    Title = $"基准任务 {i}：测评资料收集整理",
                    Office = i < OfficeTasks ? 1 : 2 + i % (Offices - 1),
                    Owner = i < OfficeTasks ? 1 : (int?)null,
                    Due = today.AddDays(i < OfficeTasks ? i % 21 - 3 : i % 71 - 10),
                }), transaction);
            return true;
        });
        SqliteConnection.ClearAllPools();
        return path;
    }
}
