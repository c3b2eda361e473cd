using System.Diagnostics;
using CampaignBot.Data;
using CampaignBot.Hosting;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Bench;

/// <summary>
/// One day's reminders for a large ledger (issue: 10,000 tasks over 200 offices), planned and sent
/// through the real outbox, dispatcher and Bot Framework adapter to a fake connector on loopback.
/// </summary>
public sealed class ReminderFanOutBenchmark(int tasks, int offices, int chatsPerOffice)
{
    // Monday 15 June 2026, 09:00 in Shanghai: a workday, so the day has reminders.
    private static readonly DateTimeOffset SendTime = new(2026, 6, 15, 1, 0, 1, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 15);

    private const int Rounds = 5;

    private static Task ResetOutboxAsync(LedgerDatabase database) =>
        database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync("DELETE FROM reminder; DELETE FROM outbox_message; DELETE FROM reminder_day;", transaction: transaction));

    public async Task<IReadOnlyList<BenchRow>> RunAsync(int globalLimitPerSecond)
    {
        var rows = new List<BenchRow>();
        await using var connector = await FakeConnector.StartAsync();

        // Warm-up on a throwaway ledger, so that JIT and first-use costs are not counted as throughput.
        using (var warmUp = await LedgerAsync(connector.ServiceUrl, globalLimitPerSecond: 0))
        {
            var plan = await warmUp.Get<ReminderCycle>().PlanAsync(SendTime, CancellationToken.None);
            await warmUp.Get<IReminderStore>().EnqueueAsync(plan.Days, plan.Reminders, plan.Dropped, SendTime, CancellationToken.None);
            await warmUp.Get<IOutboxDispatcher>().DispatchAsync(CancellationToken.None);
        }

        // Planning: the pure planner over the whole ledger, and load + plan from SQLite.
        using (var unlimited = await LedgerAsync(connector.ServiceUrl, globalLimitPerSecond: 0))
        {
            var store = unlimited.Get<IReminderStore>();
            var input = await store.LoadPlanningInputAsync(CancellationToken.None);
            var policy = new ReminderOptions();
            var planned = 0;
            var planMs = Measure.MedianMilliseconds(15, () => planned = ReminderPlanner.PlanDay(Today, input.Tasks, policy, input.Calendar, input.Targets).Count);
            rows.Add(new BenchRow($"plan one day, {tasks:N0} tasks (pure planner)", "median ms", planMs, "< 200 ms", planMs < 200, $"{planned:N0} reminders"));

            var cycle = unlimited.Get<ReminderCycle>();
            var loadPlanMs = Measure.MedianMilliseconds(5, () => cycle.PlanAsync(SendTime, CancellationToken.None).GetAwaiter().GetResult());
            rows.Add(new BenchRow("load ledger from SQLite + plan", "median ms", loadPlanMs, "", null, ""));

            var plan = await cycle.PlanAsync(SendTime, CancellationToken.None);
            var enqueue = Stopwatch.StartNew();
            await store.EnqueueAsync(plan.Days, plan.Reminders, plan.Dropped, SendTime, CancellationToken.None);
            rows.Add(new BenchRow("record in outbox (one transaction)", "ms", enqueue.Elapsed.TotalMilliseconds, "", null, $"{plan.Reminders.Count:N0} reminders"));

            // A fan-out of a few hundred messages lasts a fraction of a second, so one run's rate is
            // mostly noise (GC, JIT tiers): the same fan-out is sent several times, the outbox emptied
            // in between, and the median rate reported.
            var rates = new List<double>();
            var sentPerRound = 0;
            for (var round = 0; round < Rounds; round++)
            {
                if (round > 0)
                {
                    await ResetOutboxAsync(unlimited.Get<LedgerDatabase>());
                    await store.EnqueueAsync(plan.Days, plan.Reminders, plan.Dropped, SendTime, CancellationToken.None);
                }

                var send = Stopwatch.StartNew();
                var sent = await unlimited.Get<IOutboxDispatcher>().DispatchAsync(CancellationToken.None);
                rates.Add(sent.Sent / send.Elapsed.TotalSeconds);
                sentPerRound = sent.Sent;
            }

            rates.Sort();
            var median = rates[rates.Count / 2];
            rows.Add(new BenchRow($"send, no rate limit ({offices * chatsPerOffice:N0} chats)", "messages/s", median, ">= 1,000/s", median >= 1000,
                $"median of {Rounds} rounds of {sentPerRound:N0} messages; range {rates[0]:N0}-{rates[^1]:N0}"));
        }

        if (globalLimitPerSecond > 0)
        {
            await using var limitedConnector = await FakeConnector.StartAsync();
            using var limited = await LedgerAsync(limitedConnector.ServiceUrl, globalLimitPerSecond);
            var cycle = limited.Get<ReminderCycle>();
            var plan = await cycle.PlanAsync(SendTime, CancellationToken.None);
            await limited.Get<IReminderStore>().EnqueueAsync(plan.Days, plan.Reminders, plan.Dropped, SendTime, CancellationToken.None);
            var send = Stopwatch.StartNew();
            var sent = await limited.Get<IOutboxDispatcher>().DispatchAsync(CancellationToken.None);
            var perSecond = sent.Sent / send.Elapsed.TotalSeconds;
            var share = perSecond / globalLimitPerSecond;
            rows.Add(new BenchRow($"send, global limit {globalLimitPerSecond}/s", "share of limit", share, ">= 0.95", share >= 0.95,
                $"{perSecond:F1} messages/s, {sent.Sent:N0} sent in {send.Elapsed.TotalSeconds:F2} s"));
        }

        rows.Add(new BenchRow("peak working set (whole process)", "MB", Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, "", null, ""));
        return rows;
    }

    private async Task<BenchServices> LedgerAsync(string serviceUrl, int globalLimitPerSecond)
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaignbot-bench", Guid.NewGuid().ToString("N"));
        var services = BenchServices.Create(folder, new AnchoredTimeProvider(SendTime), new Dictionary<string, string?>
        {
            ["Reminders:MaxParallelSends"] = "16",
            ["Reminders:PerChatMessagesPerMinute"] = "0",
            ["Reminders:GlobalMessagesPerSecond"] = globalLimitPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await services.Get<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        await SeedAsync(services.Get<LedgerDatabase>(), serviceUrl);
        return services;
    }

    /// <summary>Offices with bound chats, and tasks whose deadlines spread from ten days ago to sixty days ahead.</summary>
    private async Task SeedAsync(LedgerDatabase database, string serviceUrl)
    {
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("INSERT INTO campaign (name, starts_on, ends_on, created_at) VALUES ('bench', '2026-01-01', '2026-12-31', '2026-06-01T00:00:00.000Z')", transaction: transaction);
            await connection.ExecuteAsync("INSERT INTO office (id, name, kind) VALUES (@Id, @Name, 'committee')",
                Enumerable.Range(1, offices).Select(i => new { Id = i, Name = $"office-{i:000}" }), transaction);
            await connection.ExecuteAsync(
                "INSERT INTO conversation (channel_id, conversation_id, service_url, bot_id, is_group, bound_office_id, last_seen_at) VALUES ('msteams', @Id, @Url, 'bot', 1, @Office, '2026-06-01T00:00:00.000Z')",
                Enumerable.Range(0, offices * chatsPerOffice).Select(i => new { Id = $"chat-{i:00000}", Url = serviceUrl, Office = i % offices + 1 }), transaction);
            await connection.ExecuteAsync(
                "INSERT INTO task (campaign_id, code, title, lead_office_id, due_on, updated_at) VALUES (1, @Code, @Title, @Office, @Due, '2026-06-01T00:00:00.000Z')",
                Enumerable.Range(0, tasks).Select(i => new { Code = $"B{i:00000}", Title = $"基准任务 {i}", Office = i % offices + 1, Due = Today.AddDays(i % 71 - 10) }), transaction);
            return true;
        });
        SqliteConnection.ClearAllPools();
    }
}
