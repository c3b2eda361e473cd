using CampaignBot.Scheduling.Reminders;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Faults;

/// <summary>A channel connector that fails 30% of calls with 429, 500 or a timeout: every reminder still arrives, and once.</summary>
[Needs(Needs.Host)]
public class FlakyConnectorTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Chats = 40;

    [Fact]
    public async Task FanOut_ConnectorFailingThirtyPercent_DeliversEveryMessageOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var services = await BotServices.CreateAsync(new AnchoredTimeProvider(TestClock.Start.AddSeconds(5)), new Dictionary<string, string?>
        {
            ["Reminders:MaxAttempts"] = "10",
            ["Reminders:RetryBaseDelayMilliseconds"] = "20",
            ["Reminders:MaxRetryDelaySeconds"] = "1",
            // Long enough that a slow success on a loaded 2-core CI machine is not taken for a timeout
            // (a success the bot gave up on is retried: the one way a message can arrive twice).
            ["Reminders:SendTimeoutSeconds"] = "3",
            ["Reminders:PerChatMessagesPerMinute"] = "0",
        });
        for (var i = 0; i < Chats; i++)
        {
            await services.Database.BindChatAsync($"chat-{i:00}", connector.ServiceUrl, office: "综合组");
        }

        var random = new Random(30);
        var failures = 0;
        connector.Answer = (_, _) =>
        {
            int roll;
            lock (random)
            {
                roll = random.Next(100);
            }

            if (roll >= 30)
            {
                return null;
            }

            Interlocked.Increment(ref failures);
            return (roll % 3) switch
            {
                0 => FakeConnector.TooManyRequests(0),
                1 => Results.StatusCode(500),
                _ => FakeConnector.Hang(TimeSpan.FromSeconds(6)),
            };
        };

        var result = await services.Get<ReminderCycle>().RunAsync(TestClock.Start.AddSeconds(5), CancellationToken.None);

        output.WriteLine($"{connector.Requests} requests, {failures} failed on purpose ({100.0 * failures / connector.Requests:F0}%)");
        Assert.InRange(100.0 * failures / connector.Requests, 15, 45);
        Assert.Equal((Chats, 0), (result.Dispatch.Sent, result.Dispatch.Failed));
        var perChat = connector.Received.GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Chats, perChat.Count);
        Assert.All(perChat.Values, n => Assert.Equal(1, n));
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(Chats, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_message WHERE state = 'sent'"));
    }
}
