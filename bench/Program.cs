using CampaignBot.Bench;

// dotnet run -c Release --project bench [-- --only fanout|queries|directline|board|understanding --tasks 10000 --offices 200 --chats-per-office 1 --limit 100 --soak 180 --out bench-results.json]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a[2..], p => args[p.i + 1]);
DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
var only = options.GetValueOrDefault("only");

var rows = new List<BenchRow>();
var folder = Path.Combine(Path.GetTempPath(), "campaignbot-bench", Guid.NewGuid().ToString("N"));

// The three ledger sizes the query and board sections compare.
async Task<Dictionary<int, string>> LedgersAsync(DateOnly today)
{
    var ledgers = new Dictionary<int, string>();
    foreach (var tasks in new[] { 1_000, 10_000, 100_000 })
    {
        ledgers[tasks] = await BenchLedger.CreateAsync(folder, tasks, today);
    }

    return ledgers;
}

try
{
    if (only is null or "queries")
    {
        var ledgers = await LedgersAsync(Today());
        rows.AddRange(await QueryBenchmark.RunAsync(folder, ledgers));
        rows.AddRange(await StartupBenchmark.RunAsync(folder, ledgers[100_000], 100_000));
        rows.AddRange(await DirectLineBenchmark.RunAsync(ledgers[10_000]));
        if (Option("soak", 0) is > 0 and var seconds)
        {
            rows.AddRange(await SoakBenchmark.RunAsync(ledgers[10_000], TimeSpan.FromSeconds(seconds)));
        }
    }

    if (only is "board")
    {
        rows.AddRange(await BoardBenchmark.RunAsync(await LedgersAsync(Today())));
    }

    if (only is "directline")
    {
        rows.AddRange(await DirectLineBenchmark.RunAsync(await BenchLedger.CreateAsync(folder, 10_000, Today())));
    }

    if (only is null or "understanding")
    {
        rows.AddRange(UnderstandingBenchmark.Run());
    }

    if (only is null or "fanout")
    {
        var benchmark = new ReminderFanOutBenchmark(Option("tasks", 10_000), Option("offices", 200), Option("chats-per-office", 1));
        rows.AddRange(await benchmark.RunAsync(Option("limit", 100)));
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
}

BenchReport.Print(rows, Console.Out);
var output = options.GetValueOrDefault("out", "bench-results.json");
BenchReport.Save(rows, output);
Console.WriteLine($"written to {Path.GetFullPath(output)}");
return rows.Any(r => r.Met == false) ? 1 : 0;
