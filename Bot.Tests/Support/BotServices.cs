using CampaignBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Tests.Support;

/// <summary>The bot's real service graph over a test database, without HTTP: for TestAdapter conversations.</summary>
public sealed class BotServices : IAsyncDisposable
{
    private readonly List<IHostedService> started = [];

    private BotServices(TestDatabase database, ServiceProvider provider)
    {
        Database = database;
        Provider = provider;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Provider { get; }

    public IBot Bot => Provider.GetRequiredService<IBot>();

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public static async Task<BotServices> CreateAsync(
        TimeProvider? time = null, IDictionary<string, string?>? settings = null, Microsoft.Extensions.Logging.ILoggerProvider? logs = null, bool seedSample = true,
        bool sampleDuties = false, Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(seedSample, time, sampleDuties);
        var values = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = database.Path,
            ["Campaign:SeedSampleCampaign"] = "false",
            ["Reminders:Enabled"] = "false",
            // The tests' channel stand-ins (FakeConnector) listen on this machine.
            ["MessagesEndpoint:UnauthenticatedServiceUrlHosts:0"] = "127.0.0.1",
            ["Evidence:Folder"] = Path.Combine(database.Folder, "evidence"),
            ["DirectLine:AttachmentsFolder"] = Path.Combine(database.Folder, "attachments"),
            // The secret (and the log's chat-name key derived from it) in the test's own folder, not the working directory.
            ["DirectLine:SecretFile"] = Path.Combine(database.Folder, "directline-secret"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging =>
            {
                if (logs is not null)
                {
                    logging.AddProvider(logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace);
                }
            })
            .AddCampaignBot(configuration)
            .Replace(ServiceDescriptor.Singleton<TimeProvider>(database.Time));
        configure?.Invoke(services);
        return new BotServices(database, services.BuildServiceProvider());
    }

    /// <summary>
    /// Starts one of the graph's background services (a channel's connection, say) as the host would,
    /// which is not built here; it is stopped before the graph is disposed.
    /// </summary>
    public async Task<T> StartAsync<T>() where T : IHostedService
    {
        var service = Get<T>();
        await service.StartAsync(CancellationToken.None);
        started.Add(service);
        return service;
    }

    /// <summary>A TestAdapter whose messages come from <paramref name="accountId"/> in the given chat.</summary>
    public static TestAdapter Adapter(string accountId, string channelId = "test", string? conversationId = null, bool isGroup = false) =>
        new(new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://channel.invalid/",
            User = new ChannelAccount(accountId, accountId),
            Bot = new ChannelAccount("campaignbot", "CampaignBot"),
            Conversation = new ConversationAccount(isGroup, id: conversationId ?? "conv-" + accountId),
        });

    public TestFlow Flow(string accountId, string channelId = "test", string? conversationId = null, bool isGroup = false) =>
        new(Adapter(accountId, channelId, conversationId, isGroup), Bot);

    /// <summary>The text of the bot's one reply to <paramref name="text"/> from <paramref name="accountId"/>.</summary>
    public async Task<string> ReplyTextAsync(string accountId, string text, string channelId = "test", string? conversationId = null, bool isGroup = false)
    {
        var said = "";
        await Flow(accountId, channelId, conversationId, isGroup)
            .Send(text)
            .AssertReply(reply => said = ((IMessageActivity)reply).Text)
            .StartTestAsync();
        return said;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(started))
        {
            await service.StopAsync(CancellationToken.None);
        }

        await Provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}
