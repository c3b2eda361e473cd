using System.Diagnostics;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Bench;

/// <summary>
/// 本周到期 over real HTTP: CampaignBot against an echo bot on the same SDK and host (same run, same
/// machine, so the ratio holds on a noisy machine), and CampaignBot's latency and reminder planning
/// as the ledger grows from 1,000 to 100,000 tasks.
/// </summary>
public static class QueryBenchmark
{
    private const int Clients = 8;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(3);
    private const int Rounds = 3;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(string folder, IReadOnlyDictionary<int, string> ledgers)
    {
        var rows = new List<BenchRow>();
        var query = LoadGenerator.Activity(BenchLedger.Account, "本周到期");

        var (echo, echoUrl) = await BotHosts.StartEchoBotAsync();
        var (campaign, campaignUrl) = await BotHosts.StartCampaignBotAsync(ledgers[10_000]);
        try
        {
            // Interleaved rounds, so that both bots meet the same machine (frequency, other load):
            // on this 2-core machine one pair of runs alone varies by ±15%.
            var echoBody = LoadGenerator.Activity("x", "本周到期");
            await LoadGenerator.RunAsync(echoUrl, echoBody, Clients, WarmUp);
            await LoadGenerator.RunAsync(campaignUrl, query, Clients, WarmUp);
            var echoRounds = new List<LoadResult>();
            var campaignRounds = new List<LoadResult>();
            for (var round = 0; round < Rounds; round++)
            {
                echoRounds.Add(await LoadGenerator.RunAsync(echoUrl, echoBody, Clients, Measured));
                campaignRounds.Add(await LoadGenerator.RunAsync(campaignUrl, query, Clients, Measured));
            }

            var echoRate = echoRounds.Sum(r => r.Requests) / echoRounds.Sum(r => r.Seconds);
            var campaignRate = campaignRounds.Sum(r => r.Requests) / campaignRounds.Sum(r => r.Seconds);
            var ratio = campaignRate / echoRate;
            rows.Add(Row("echo bot (same SDK and host), 8 clients", echoRounds, echoRate));
            rows.Add(Row("CampaignBot 本周到期, 10,000 tasks, 8 clients", campaignRounds, campaignRate));
            var perRound = string.Join(", ", campaignRounds.Zip(echoRounds, (c, e) => (c.PerSecond / e.PerSecond).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
            rows.Add(new BenchRow("CampaignBot throughput / echo bot throughput", "ratio", ratio, ">= 0.80", ratio >= 0.8,
                $"{campaignRate:N0} vs {echoRate:N0} requests/s over {Rounds} interleaved rounds (each: {perRound}); errors {campaignRounds.Sum(r => r.Errors) + echoRounds.Sum(r => r.Errors)}"));
        }
        finally
        {
            await campaign.StopAsync();
            await echo.StopAsync();
        }

        foreach (var (tasks, path) in ledgers.OrderBy(l => l.Key))
        {
            var (app, url) = await BotHosts.StartCampaignBotAsync(path);
            try
            {
                await LoadGenerator.RunAsync(url, query, 1, TimeSpan.FromSeconds(1));
                var single = await LoadGenerator.RunAsync(url, query, 1, TimeSpan.FromSeconds(3));
                rows.Add(new BenchRow($"本周到期 at {tasks:N0} tasks, one client", "median ms", single.MedianMilliseconds, "", null,
                    $"p99 {single.P99Milliseconds:F2} ms over {single.Requests:N0} requests"));

                var store = app.Services.GetRequiredService<IReminderStore>();
                var clock = app.Services.GetRequiredService<CampaignClock>();
                var policy = new ReminderOptions();
                var input = await store.LoadPlanningInputAsync(CancellationToken.None);
                var planMs = Measure.MedianMilliseconds(9, () => ReminderPlanner.PlanDay(clock.Today, input.Tasks, policy, input.Calendar, input.Targets));
                var loadMs = Measure.MedianMilliseconds(3, () => store.LoadPlanningInputAsync(CancellationToken.None).GetAwaiter().GetResult());
                rows.Add(new BenchRow($"plan reminders at {tasks:N0} tasks", "median ms", planMs, "", null, $"loading the ledger {loadMs:F1} ms"));
            }
            finally
            {
                await app.StopAsync();
            }
        }

        return rows;
    }

    private static BenchRow Row(string name, IReadOnlyList<LoadResult> rounds, double rate) =>
        new(name, "requests/s", rate, "", null,
            $"median {rounds.Select(r => r.MedianMilliseconds).Order().ElementAt(rounds.Count / 2):F2} ms, p99 {rounds.Max(r => r.P99Milliseconds):F2} ms (worst round), {rounds.Sum(r => r.Requests):N0} requests");
}
