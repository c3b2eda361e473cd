using System.Diagnostics;
using System.Text.Json;
using CampaignBot.Board;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Time;
using Dapper;
using Microsoft.Data.Sqlite;
using CampaignBot.Ledger.ReadModels.Board;

namespace CampaignBot.Bench;

/// <summary>
/// GET /board/data over real HTTP, signed in through the sign-on proxy's header as a coordinator
/// (the whole campaign), at 1,000, 10,000 and 100,000 tasks over 200 offices and 40 evaluation items:
/// response bytes and milliseconds. "Before" is the earlier answer, rebuilt in process as the endpoint
/// built it (every task read, counted in memory, serialised whole), so it is slightly cheaper than it
/// was over HTTP.
/// </summary>
public static class BoardBenchmark
{
    private const string Header = "X-Forwarded-User";
    private const string Coordinator = "bench-coordinator";

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(IReadOnlyDictionary<int, string> ledgers)
    {
        var rows = new List<BenchRow>();
        foreach (var (tasks, path) in ledgers.OrderBy(l => l.Key))
        {
            await AddCoordinatorAndItemsAsync(path);
            var (app, url) = await BotHosts.StartCampaignBotAsync(path, new Dictionary<string, string?> { ["DirectLine:TrustedUserHeader"] = Header });
            try
            {
                var runs = tasks >= 100_000 ? 20 : 50;
                var (bytes, median, p99) = await MeasureHttpAsync(url + "/board/data", runs);
                rows.Add(new BenchRow($"/board/data at {tasks:N0} tasks", "median ms", median, "", null,
                    $"p99 {p99:F1} ms over {runs} requests; {bytes:N0} bytes"));

                var board = app.Services.GetRequiredService<BoardRepository>();
                var today = app.Services.GetRequiredService<CampaignClock>().Today;
                var queries = Measure.MedianMilliseconds(runs, () => board.ReadAsync(BoardFilter.All, today).GetAwaiter().GetResult());
                rows.Add(new BenchRow($"/board/data's queries alone at {tasks:N0} tasks", "median ms", queries, "", null, "BoardRepository.ReadAsync in process"));

                var (beforeBytes, beforeMedian, beforeWorst) = await MeasureBeforeAsync(app.Services, tasks >= 100_000 ? 5 : 15);
                rows.Add(new BenchRow($"/board/data before (whole ledger) at {tasks:N0} tasks", "median ms", beforeMedian, "", null,
                    $"worst {beforeWorst:F1} ms, in process; {beforeBytes:N0} bytes"));
            }
            finally
            {
                await app.StopAsync();
                SqliteConnection.ClearAllPools();
            }
        }

        return rows;
    }

    /// <summary>A coordinator to sign in as, and evaluation items for the per-item counts (the bench ledger has none).</summary>
    private static async Task AddCoordinatorAndItemsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO person (id, name, office_id, role) VALUES (2, 'bench coordinator', 1, 'coordinator');
            INSERT INTO channel_account (account_id, person_id, linked_at) VALUES (@Account, 2, '2026-06-01T00:00:00.000Z');
            UPDATE task SET evaluation_item = '测评项目 ' || (id % 40);
            """, new { Account = Coordinator });
    }

    private static async Task<(long Bytes, double Median, double P99)> MeasureHttpAsync(string url, int runs)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(Header, Coordinator);
        long bytes = 0;
        var times = new List<double>();
        for (var i = -3; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return (bytes, times[times.Count / 2], times[Math.Min(times.Count - 1, (int)(times.Count * 0.99))]);
    }

    /// <summary>The earlier endpoint's work: every task read and counted in memory, the whole board serialised.</summary>
    private static async Task<(long Bytes, double Median, double Worst)> MeasureBeforeAsync(IServiceProvider services, int runs)
    {
        var tasks = services.GetRequiredService<TaskRepository>();
        var directory = services.GetRequiredService<DirectoryRepository>();
        var clock = services.GetRequiredService<CampaignClock>();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        long bytes = 0;
        var times = new List<double>();
        for (var i = -1; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var snapshot = BoardSnapshot.Build(await tasks.AllAsync(), await directory.OfficesAsync(), clock.Today, BoardFilter.All);
            bytes = JsonSerializer.SerializeToUtf8Bytes(new
            {
                today = snapshot.Today,
                offices = snapshot.Offices,
                overdue = snapshot.Overdue,
                nextDays = snapshot.NextDays,
                items = snapshot.Items.Select(i => new { i.Item, i.Total, i.Done, i.WithEvidence, i.EvidenceGaps, i.Tasks }),
                filters = new { items = snapshot.AllItems, offices = snapshot.AllOffices.Select(o => new { id = o.Id, name = o.Name }) },
            }, json).Length;
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return (bytes, times[times.Count / 2], times[^1]);
    }
}
