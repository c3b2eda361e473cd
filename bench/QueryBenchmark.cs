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
    private const int Rounds = 5;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(string folder, IReadOnlyDictionary<int, string> ledgers)
    {
        var rows = new List<BenchRow>();
        var query = LoadGenerator.Activity(BenchLedger.Account, "本周到期");

        var (echo, echoUrl) = await BotHosts.StartEchoBotAsync();
        var (sharedEcho, sharedEchoUrl) = await BotHosts.StartEchoBotAsync(sharedClients: true);
        var (campaign, campaignUrl) = await BotHosts.StartCampaignBotAsync(ledgers[10_000]);
        try
        {
            // Interleaved rounds, so that the bots meet the same machine (frequency, other load):
            // on this 2-core machine one pair of runs alone varies by ±15%.
            var echoBody = LoadGenerator.Activity("x", "本周到期");
            var bots = new[] { (Url: echoUrl, Body: echoBody), (Url: sharedEchoUrl, Body: echoBody), (Url: campaignUrl, Body: query) };
            foreach (var bot in bots)
            {
                await LoadGenerator.RunAsync(bot.Url, bot.Body, Clients, WarmUp);
            }

            var results = bots.Select(_ => new List<LoadResult>()).ToArray();
            for (var round = 0; round < Rounds; round++)
            {
                for (var b = 0; b < bots.Length; b++)
                {
                    results[b].Add(await LoadGenerator.RunAsync(bots[b].Url, bots[b].Body, Clients, Measured));
                }
            }

            var (echoRounds, sharedEchoRounds, campaignRounds) = (results[0], results[1], results[2]);
            var echoRate = Rate(echoRounds);
            var sharedEchoRate = Rate(sharedEchoRounds);
            var campaignRate = Rate(campaignRounds);
            var ratio = campaignRate / echoRate;
            var strictRatio = campaignRate / sharedEchoRate;
            var errors = results.Sum(r => r.Sum(x => x.Errors));
            rows.Add(Row("echo bot (same SDK and host), 8 clients", echoRounds, echoRate));
            rows.Add(Row("echo bot keeping connector clients as CampaignBot does, 8 clients", sharedEchoRounds, sharedEchoRate));
            rows.Add(Row("CampaignBot 本周到期, 10,000 tasks, 8 clients", campaignRounds, campaignRate));
            rows.Add(new BenchRow("CampaignBot throughput / echo bot throughput", "ratio", ratio, ">= 0.80", ratio >= 0.8,
                $"{campaignRate:N0} vs {echoRate:N0} requests/s over {Rounds} interleaved rounds (each: {PerRound(campaignRounds, echoRounds)}); errors {errors}"));
            rows.Add(new BenchRow("CampaignBot / echo bot keeping its clients (CampaignBot's own cost)", "ratio", strictRatio, "", null,
                $"{campaignRate:N0} vs {sharedEchoRate:N0} requests/s (each round: {PerRound(campaignRounds, sharedEchoRounds)})"));
        }
        finally
        {
            await campaign.StopAsync();
            await sharedEcho.StopAsync();
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

    private static double Rate(IReadOnlyList<LoadResult> rounds) => rounds.Sum(r => r.Requests) / rounds.Sum(r => r.Seconds);

    private static string PerRound(IReadOnlyList<LoadResult> measured, IReadOnlyList<LoadResult> baseline) =>
        string.Join(", ", measured.Zip(baseline, (m, b) => (m.PerSecond / b.PerSecond).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));

    private static BenchRow Row(string name, IReadOnlyList<LoadResult> rounds, double rate) =>
        new(name, "requests/s", rate, "", null,
            $"median {rounds.Select(r => r.MedianMilliseconds).Order().ElementAt(rounds.Count / 2):F2} ms, p99 {rounds.Max(r => r.P99Milliseconds):F2} ms (worst round), {rounds.Sum(r => r.Requests):N0} requests");
}
