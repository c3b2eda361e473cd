using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Tests.Support;

/// <summary>
/// The real bot host in process (WebApplicationFactory over Program): real HTTP pipeline, real
/// CloudAdapter, a real SQLite file of its own, the sample campaign, and a fixed clock.
/// </summary>
public sealed class BotApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public BotApplication(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        Time = time ?? TestClock.Create();
        Folder = TestDatabase.NewFolder();
        DatabasePath = Path.Combine(Folder, "ledger.db");
        this.settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = DatabasePath,
            ["Campaign:SeedSampleCampaign"] = "true",
            // The one-off sample these tests were written against; the recurring duties have tests of their own.
            ["Campaign:SampleRecurringDuties"] = "false",
            ["Storage:SchedulerDatabasePath"] = Path.Combine(Folder, "scheduler.db"),
            // Quartz keeps schedulers in a process-wide registry by name: one name per host.
            ["Reminders:SchedulerName"] = "tests-" + Guid.NewGuid().ToString("N"),
            ["Reminders:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Error",
            ["DirectLine:SecretFile"] = Path.Combine(Folder, "directline-secret"),
            ["DirectLine:AttachmentsFolder"] = Path.Combine(Folder, "attachments"),
            ["Evidence:Folder"] = Path.Combine(Folder, "evidence"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public TimeProvider Time { get; }

    /// <summary>When set (before the host starts), every log line the bot writes, for reading what a failed turn said.</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>Another log provider (before the host starts), e.g. one that keeps levels and scopes.</summary>
    public Microsoft.Extensions.Logging.ILoggerProvider? LogProvider { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach Program's builder.Configuration while it registers services (app
        // configuration added here would only arrive after that, too late for Quartz's triggers).
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
            if (Logs is not null)
            {
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            }

            if (LogProvider is not null)
            {
                services.AddSingleton(LogProvider);
            }
        });
    }

    /// <summary>
    /// Serves on a real port on 127.0.0.1 (Kestrel) instead of the in-memory test server: for a
    /// browser, WebSockets, and the embedded channel's connector, which the bot calls over HTTP.
    /// </summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public SqliteConnection OpenLedger()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        return connection;
    }

    /// <summary>Posts a message activity that asks for its replies in the response body.</summary>
    public async Task<HttpResponseMessage> PostMessageAsync(HttpClient client, string accountId, string text, string channelId = "test", string? conversationId = null, bool isGroup = false)
    {
        var activity = Activities.Message(accountId, text, channelId, conversationId ?? "conv-" + accountId, isGroup);
        return await client.PostAsJsonAsync("/api/messages", activity);
    }

    /// <summary>The texts of the replies in an expectReplies response.</summary>
    public static async Task<IReadOnlyList<string>> ReplyTextsAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["activities"]!.AsArray().Select(a => a!["text"]?.GetValue<string>() ?? string.Empty).ToList();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}

/// <summary>Bot Framework activity JSON as channels send it.</summary>
public static class Activities
{
    public static JsonObject Message(string accountId, string text, string channelId, string conversationId, bool isGroup) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-06-15T01:00:00.000Z",
        ["channelId"] = channelId,
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JsonObject { ["id"] = accountId, ["name"] = accountId },
        ["recipient"] = new JsonObject { ["id"] = "campaignbot", ["name"] = "CampaignBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["isGroup"] = isGroup },
        ["text"] = text,
    };

    public static StringContent Json(string raw) => new(raw, System.Text.Encoding.UTF8, "application/json");

    public static string Serialize(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
