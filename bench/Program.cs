using CampaignBot.Bench;

// dotnet run -c Release --project bench [-- --tasks 10000 --offices 200 --chats-per-office 1 --limit 100 --out bench-results.json]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a[2..], p => args[p.i + 1]);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

var benchmark = new ReminderFanOutBenchmark(Option("tasks", 10_000), Option("offices", 200), Option("chats-per-office", 1));
var rows = await benchmark.RunAsync(Option("limit", 100));
BenchReport.Print(rows, Console.Out);
var output = options.GetValueOrDefault("out", "bench-results.json");
BenchReport.Save(rows, output);
Console.WriteLine($"written to {Path.GetFullPath(output)}");
return rows.Any(r => r.Met == false) ? 1 : 0;
