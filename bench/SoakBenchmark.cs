using System.Diagnostics;

namespace CampaignBot.Bench;

/// <summary>
/// Sustained load: CampaignBot's capacity is measured, then 本周到期 is sent at half of it for a few
/// minutes in windows of 10 s; latency and memory must stay flat (last window against the first).
/// </summary>
public static class SoakBenchmark
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(string ledger, TimeSpan duration)
    {
        var (app, url) = await BotHosts.StartCampaignBotAsync(ledger);
        try
        {
            var body = LoadGenerator.Activity(BenchLedger.Account, "本周到期");
            await LoadGenerator.RunAsync(url, body, 8, TimeSpan.FromSeconds(2));
            var capacity = (await LoadGenerator.RunAsync(url, body, 8, TimeSpan.FromSeconds(5))).PerSecond;
            var windows = new List<(LoadResult Load, double Megabytes)>();
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < duration)
            {
                var load = await LoadGenerator.RunAsync(url, body, 8, Window, capacity / 2);
                GC.Collect();
                windows.Add((load, GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0));
                Console.WriteLine($"soak {watch.Elapsed:mm\\:ss}: {load.PerSecond:N0}/s, median {load.MedianMilliseconds:F2} ms, p99 {load.P99Milliseconds:F2} ms, managed heap {windows[^1].Megabytes:F1} MB");
            }

            var (first, last) = (windows[0], windows[^1]);
            var latencyFlat = last.Load.P99Milliseconds <= Math.Max(2 * first.Load.P99Milliseconds, first.Load.P99Milliseconds + 5);
            var memoryFlat = last.Megabytes <= first.Megabytes * 1.25 + 5;
            return
            [
                new BenchRow($"soak {duration.TotalSeconds:N0} s at half capacity ({capacity / 2:N0}/s): p99 last window", "ms", last.Load.P99Milliseconds, "<= 2x first", latencyFlat,
                    $"first window p99 {first.Load.P99Milliseconds:F2} ms; medians {first.Load.MedianMilliseconds:F2} → {last.Load.MedianMilliseconds:F2} ms"),
                new BenchRow("soak: managed heap after the last window", "MB", last.Megabytes, "<= 1.25x first", memoryFlat, $"after the first window {first.Megabytes:F1} MB"),
            ];
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
