using CampaignBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Bench;

/// <summary>The bot's real service graph over a ledger file of the benchmark's own, without HTTP hosting.</summary>
public sealed class BenchServices(ServiceProvider provider, string folder) : IDisposable
{
    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public static BenchServices Create(string folder, TimeProvider time, IDictionary<string, string?> settings)
    {
        Directory.CreateDirectory(folder);
        var values = new Dictionary<string, string?>(settings)
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "ledger.db"),
            ["Campaign:SeedSampleCampaign"] = "false",
            ["Reminders:Enabled"] = "false",
            // The fan-out's channel stand-in listens on this machine, as a channel's connector would elsewhere.
            ["MessagesEndpoint:UnauthenticatedServiceUrlHosts:0"] = "127.0.0.1",
            ["Evidence:Folder"] = Path.Combine(folder, "evidence"),
            ["DirectLine:AttachmentsFolder"] = Path.Combine(folder, "attachments"),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error))
            .AddCampaignBot(configuration)
            .Replace(ServiceDescriptor.Singleton(time));
        return new BenchServices(services.BuildServiceProvider(), folder);
    }

    public void Dispose()
    {
        provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
