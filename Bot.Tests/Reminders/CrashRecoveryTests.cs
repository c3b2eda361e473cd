using System.Diagnostics;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// The real program, killed with SIGKILL in the middle of a reminder fan-out and run again: every
/// chat gets its reminder, and only messages that were in flight at the kill can arrive twice.
/// </summary>
[Needs(Needs.Process)]
public class CrashRecoveryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Chats = 40;
    private const int MaxParallelSends = 4;

    [Fact]
    public async Task ReminderRun_KilledMidFanOutThenRerun_DeliversAllWithRepeatsOnlyInFlight()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connector = await FakeConnector.StartAsync();
        connector.Delay = TimeSpan.FromMilliseconds(100);
        for (var i = 0; i < Chats; i++)
        {
            await database.BindChatAsync($"chat-{i:00}", connector.ServiceUrl, office: "综合组");
        }

        using (var first = StartReminderRun(database))
        {
            var deadline = Stopwatch.StartNew();
            while (connector.Received.Count < Chats / 3 && deadline.Elapsed < TimeSpan.FromSeconds(60) && !first.HasExited)
            {
                await Task.Delay(10);
            }

            // Read the output only if it ended: reading it to the end waits for the process to exit.
            Assert.False(first.HasExited, first.HasExited ? "the run ended before it could be killed: " + await first.StandardOutput.ReadToEndAsync() : "");
            await BotProcess.KillAsync(first);
        }

        var deliveredBeforeKill = connector.Received.Count;
        await using (var connection = await database.OpenAsync())
        {
            var states = string.Join(", ", await connection.QueryAsync<string>("SELECT state || '=' || count(*) FROM outbox_message GROUP BY state"));
            Assert.True(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_message WHERE state IN ('pending', 'sending')") > 0,
                $"killed after {deliveredBeforeKill} deliveries, {connector.Requests} requests; outbox: {states}");
        }

        using (var second = StartReminderRun(database))
        {
            var (exitCode, runOutput) = await BotProcess.RunToEndAsync(second);
            Assert.True(exitCode == 0, runOutput);
        }

        var perChat = connector.Received.GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Chats, perChat.Count);
        var repeats = perChat.Values.Sum(n => n - 1);
        output.WriteLine($"killed after {deliveredBeforeKill} of {Chats} deliveries; {repeats} repeated after the restart");
        Assert.True(repeats <= MaxParallelSends, $"{repeats} repeats (killed after {deliveredBeforeKill} deliveries)");
        await using var ledger = await database.OpenAsync();
        Assert.Equal(Chats, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_message WHERE state = 'sent'"));
        Assert.Equal(0, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_message WHERE state <> 'sent'"));
    }

    private static Process StartReminderRun(TestDatabase database) =>
        BotProcess.Start(database, ["reminders", "run", "--at", "2026-06-15T09:30+08:00"], new Dictionary<string, string>
        {
            ["Reminders__MaxParallelSends"] = MaxParallelSends.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reminders__PerChatMessagesPerMinute"] = "0",
            ["Reminders__DispatchLeaseStaleSeconds"] = "3",
            // The channel stand-in listens on this machine; the program runs as Production.
            ["MessagesEndpoint__UnauthenticatedServiceUrlHosts__0"] = "127.0.0.1",
        });
}
