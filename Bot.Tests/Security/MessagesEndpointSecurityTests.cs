using System.Net;
using System.Net.Http.Json;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 12, point 1: an intranet deployment (Production, no MicrosoftAppId) was taken over with one
/// unauthenticated POST: from.id = sample-coordinator, "关联 王建国 evil-account". Now refused.
/// </summary>
[Needs(Needs.Host)]
public class MessagesEndpointSecurityTests
{
    private static object Takeover(string serviceUrl = "http://127.0.0.1:9/", bool expectReplies = true)
    {
        var activity = Activities.Message("sample-coordinator", "关联 王建国 evil-account", "emulator", "attacker-chat", false);
        activity["serviceUrl"] = serviceUrl;
        if (!expectReplies)
        {
            activity.Remove("deliveryMode");
        }

        return activity;
    }

    [Fact]
    public async Task Production_WithoutAppId_RefusesTheTakeover_With401_AndChangesNothing()
    {
        using var app = new BotApplication(new Dictionary<string, string?> { ["environment"] = "Production" });
        var client = app.CreateClient();
        using var ledger = app.OpenLedger();
        var before = LedgerSnapshot.Of(ledger);

        var response = await client.PostAsJsonAsync("/api/messages", Takeover());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("MicrosoftAppId", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, LedgerSnapshot.Of(ledger));
        Assert.Equal(0, ledger.ExecuteScalar<long>("SELECT count(*) FROM channel_account WHERE account_id = 'evil-account'"));
    }

    [Fact]
    public async Task Production_WithUnauthenticatedAllowedByTheOperator_AnswersInTheResponse()
    {
        using var app = new BotApplication(new Dictionary<string, string?> { ["environment"] = "Production", ["MessagesEndpoint:AllowUnauthenticated"] = "true" });

        var texts = await BotApplication.ReplyTextsAsync(await app.PostMessageAsync(app.CreateClient(), "sample-zonghe", "我是谁"));

        Assert.Contains(texts, t => t.Contains("sample-zonghe"));
    }

    [Fact]
    public async Task Development_KeepsTheEmulatorWorking_WithoutAnAppId()
    {
        using var app = new BotApplication();

        var texts = await BotApplication.ReplyTextsAsync(await app.PostMessageAsync(app.CreateClient(), "sample-zonghe", "我是谁"));

        Assert.Contains(texts, t => t.Contains("sample-zonghe"));
    }

    [Theory]
    [InlineData("Production", "false", "refuses every request (401)")]
    [InlineData("Production", "true", "accepts UNAUTHENTICATED messages")]
    [InlineData("Development", "false", "Development, for the Emulator")]
    public async Task StartUpLog_SaysWhichModeTheEndpointIsIn(string environment, string allow, string expected)
    {
        var logs = new CapturedLogs();
        using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["environment"] = environment,
            ["MessagesEndpoint:AllowUnauthenticated"] = allow,
            ["Logging:LogLevel:CampaignBot.Bots.MessagesEndpoint"] = "Information",
        });
        using var withLogs = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));

        (await withLogs.CreateClient().GetAsync("/healthz")).EnsureSuccessStatusCode();

        Assert.Contains(logs.Lines, l => l.StartsWith("CampaignBot.Bots.MessagesEndpoint", StringComparison.Ordinal) && l.Contains(expected));
    }

    [Needs(Needs.Process)]
    [Theory]
    // `dotnet run` (Development) listening on every interface: anyone on the network could act as anyone.
    [InlineData("http://0.0.0.0:{0}", HttpStatusCode.Unauthorized)]
    [InlineData("http://127.0.0.1:{0}", HttpStatusCode.OK)]
    public async Task Development_ListeningBeyondThisMachine_RefusesUnauthenticatedMessages(string urls, HttpStatusCode expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var process = BotProcess.Start(database, [], new Dictionary<string, string>
        {
            ["Urls"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, urls, port),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        });
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try
                {
                    if ((await client.GetAsync("healthz")).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                }

                Assert.True(DateTime.UtcNow < deadline, "the bot did not start");
                await Task.Delay(200);
            }

            await using var ledger = await database.OpenAsync();
            var before = LedgerSnapshot.Of(ledger);
            var response = await client.PostAsJsonAsync("api/messages", Takeover());

            Assert.Equal(expected, response.StatusCode);
            if (expected == HttpStatusCode.Unauthorized)
            {
                Assert.Equal(before, LedgerSnapshot.Of(ledger));
            }
        }
        finally
        {
            await BotProcess.KillAsync(process);
        }
    }
}
