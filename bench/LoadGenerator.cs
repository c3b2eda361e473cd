using System.Diagnostics;
using System.Text;

namespace CampaignBot.Bench;

public sealed record LoadResult(int Requests, int Errors, double Seconds, double MedianMilliseconds, double P99Milliseconds)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// Posts the same Bot Framework activity (expectReplies, so the answer is in the response) from
/// several concurrent clients for a while, optionally at a fixed total rate, and measures latency.
/// </summary>
public static class LoadGenerator
{
    /// <param name="channelId">"test" gets the answer as text; a channel that shows cards ("webchat") gets the Adaptive Card Web Chat gets.</param>
    public static string Activity(string account, string text, string channelId = "test") =>
        $$"""
        {"type":"message","channelId":"{{channelId}}","serviceUrl":"http://127.0.0.1:9/","deliveryMode":"expectReplies",
         "from":{"id":"{{account}}"},"recipient":{"id":"bot"},"conversation":{"id":"bench-{{account}}"},"text":"{{text}}"}
        """;

    public static async Task<LoadResult> RunAsync(string url, string body, int clients, TimeSpan duration, double? perSecond = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients });
        var latencies = new List<double>[clients];
        var errors = 0;
        var watch = Stopwatch.StartNew();
        var interval = perSecond is { } rate ? TimeSpan.FromSeconds(clients / rate) : TimeSpan.Zero;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            var next = watch.Elapsed;
            while (watch.Elapsed < duration)
            {
                if (interval > TimeSpan.Zero)
                {
                    next += interval;
                    if (next > watch.Elapsed)
                    {
                        await Task.Delay(next - watch.Elapsed);
                    }
                }

                var started = watch.Elapsed;
                using var response = await http.PostAsync(url + "/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[c].Add((watch.Elapsed - started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(all.Count, errors, watch.Elapsed.TotalSeconds, all[all.Count / 2], all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))]);
    }
}
