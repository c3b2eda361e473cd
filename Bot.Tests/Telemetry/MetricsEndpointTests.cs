using System.Net;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.Telemetry;

/// <summary>
/// /metrics on the real host: off unless Metrics:Enabled; when on, the named series after a real
/// chat turn over HTTP and a real reminder run through the outbox to a Bot Connector; and refused
/// (404, as when off) to a caller outside Metrics:AllowedNetworks or one that came through a proxy.
/// </summary>
[Needs(Needs.Host)]
public sealed class MetricsEndpointTests
{
    private static readonly Dictionary<string, string?> On = new() { ["Metrics:Enabled"] = "true" };

    [Fact]
    public async Task Metrics_ByDefault_IsNotFound()
    {
        using var app = new BotApplication();
        using var http = new HttpClient { BaseAddress = app.StartOnKestrel() };

        var response = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_OnFromLoopback_ShowsTheTurnTheReadingAndTheReminderRun()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = new BotApplication(new Dictionary<string, string?>(On) { ["MessagesEndpoint:UnauthenticatedServiceUrlHosts:0"] = "127.0.0.1" });
        using var http = new HttpClient { BaseAddress = app.StartOnKestrel() };
        await BindChatAsync(app, "zonghe-chat", connector.ServiceUrl, "综合组");

        // A real turn over HTTP: one message read, one not.
        Assert.Single(await BotApplication.ReplyTextsAsync(await app.PostMessageAsync(http, "sample-zonghe", "本周到期")));
        Assert.Single(await BotApplication.ReplyTextsAsync(await app.PostMessageAsync(http, "sample-zonghe", "qwzx plovk")));
        // A real reminder run: planned, recorded in the outbox, sent over HTTP to the connector.
        var run = await app.Services.GetRequiredService<ReminderCycle>().RunAsync(MondayMorningChats.Now, CancellationToken.None);
        Assert.True(run.Dispatch.Sent > 0, $"sent {run.Dispatch}");
        Assert.NotEmpty(connector.To("zonghe-chat"));

        var response = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        AssertSeries(text, "campaignbot_turns_total", "channel=\"test\"", 2);
        AssertSeries(text, "campaignbot_understanding_total", "outcome=\"understood\"", 1);
        AssertSeries(text, "campaignbot_understanding_total", "outcome=\"missed\"", 1);
        AssertSeries(text, "campaignbot_reminders_planned_total", "kind=\"due\"", 1);
        AssertSeries(text, "campaignbot_reminders_sent_total", "kind=\"due\"", 1);
        AssertSeries(text, "campaignbot_reminders_unreached_total", "kind=\"due\"", 1);
        AssertSeries(text, "campaignbot_outbox_depth", "", 0);
        AssertSeries(text, "campaignbot_outbox_oldest_pending_age_seconds", "", 0);
        AssertSeries(text, "campaignbot_evidence_pending", "", 0);
        AssertSeries(text, "campaignbot_evidence_failed", "", 0);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("http_client_request_duration_seconds_bucket{", text);
    }

    [Fact]
    public async Task Metrics_OnFromAnotherNetwork_IsNotFound_AndFromLoopbackIsServed()
    {
        using var app = new BotApplication(On);
        var server = app.Server;

        Assert.Equal(StatusCodes.Status404NotFound, (await ScrapeFromAsync(server, "10.9.8.7")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await ScrapeFromAsync(server, null)).Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await ScrapeFromAsync(server, "127.0.0.1")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await ScrapeFromAsync(server, "::ffff:127.0.0.1")).Response.StatusCode);
    }

    [Fact]
    public async Task Metrics_ThroughAProxyOnLoopback_IsNotFound()
    {
        // nginx on the same machine connects from 127.0.0.1; what it forwards is a stranger's request.
        using var app = new BotApplication(new Dictionary<string, string?>(On) { ["DirectLine:TrustedUserHeader"] = "X-Remote-User" });
        var server = app.Server;

        Assert.Equal(StatusCodes.Status404NotFound, (await ScrapeFromAsync(server, "127.0.0.1", ("X-Forwarded-For", "203.0.113.9"))).Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await ScrapeFromAsync(server, "127.0.0.1", ("X-Real-IP", "203.0.113.9"))).Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await ScrapeFromAsync(server, "127.0.0.1", ("X-Remote-User", "zhangwei"))).Response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AllowedNetworksListed_ServesThemAndNoLongerLoopback()
    {
        using var app = new BotApplication(new Dictionary<string, string?>(On)
        {
            ["Metrics:AllowedNetworks:0"] = "10.9.0.0/16",
            ["Metrics:AllowedNetworks:1"] = "192.0.2.5",
        });
        var server = app.Server;

        Assert.Equal(StatusCodes.Status200OK, (await ScrapeFromAsync(server, "10.9.8.7")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await ScrapeFromAsync(server, "192.0.2.5")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await ScrapeFromAsync(server, "192.0.2.6")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await ScrapeFromAsync(server, "10.10.0.1")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await ScrapeFromAsync(server, "127.0.0.1")).Response.StatusCode);
    }

    [Fact]
    public void Metrics_AMalformedNetwork_StopsTheStartNamingTheSetting()
    {
        using var app = new BotApplication(new Dictionary<string, string?>(On) { ["Metrics:AllowedNetworks:0"] = "10.9.0.0/33" });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Metrics:AllowedNetworks", error.ToString());
    }

    /// <summary>A GET /metrics as the test server's caller at <paramref name="address"/> (null: none known).</summary>
    private static Task<HttpContext> ScrapeFromAsync(TestServer server, string? address, params (string Name, string Value)[] headers) =>
        server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/metrics";
            context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
            foreach (var (name, value) in headers)
            {
                context.Request.Headers[name] = value;
            }
        });

    /// <summary>A line of the series with the label, whose value is at least <paramref name="atLeast"/>.</summary>
    private static void AssertSeries(string scrape, string name, string label, double atLeast)
    {
        var values = scrape.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(l => l.Contains(label, StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ')[^1].Trim() is var v && v.Length > 0 ? v : "0", System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(values.Count > 0, $"no {name} {label} in:\n{scrape}");
        Assert.True(values.Max() >= atLeast, $"{name} {label} is {values.Max()}, expected at least {atLeast}");
    }

    private static async Task BindChatAsync(BotApplication app, string conversationId, string serviceUrl, string office)
    {
        await using var connection = app.OpenLedger();
        await connection.ExecuteAsync(
            """
            INSERT INTO conversation (channel_id, conversation_id, service_url, bot_id, bot_name, is_group, bound_office_id, last_seen_at)
            VALUES ('msteams', @ConversationId, @ServiceUrl, 'campaignbot', 'CampaignBot', 1, (SELECT id FROM office WHERE name = @Office), '2026-06-01T00:00:00.000Z')
            """,
            new { ConversationId = conversationId, ServiceUrl = serviceUrl, Office = office });
    }
}
