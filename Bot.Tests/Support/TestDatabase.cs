using CampaignBot.Data;
using CampaignBot.Scheduling.Time;
using CampaignBot.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Support;

/// <summary>A real SQLite ledger file in a temporary folder, migrated, optionally seeded; deleted afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string folder, FakeTimeProvider time)
    {
        Folder = folder;
        Time = time;
        Path = System.IO.Path.Combine(folder, "ledger.db");
        Database = new LedgerDatabase(Options.Create(new StorageOptions { DatabasePath = Path }));
        Clock = new CampaignClock(time, CampaignClock.FindZone("Asia/Shanghai"));
    }

    public string Folder { get; }

    public string Path { get; }

    public FakeTimeProvider Time { get; }

    public CampaignClock Clock { get; }

    public LedgerDatabase Database { get; }

    public static async Task<TestDatabase> CreateAsync(bool seedSample = true)
    {
        var folder = NewFolder();
        var database = new TestDatabase(folder, TestClock.Create());
        await new SchemaMigrator(database.Database, database.Time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        if (seedSample)
        {
            await new SampleCampaignSeeder(database.Database, database.Clock, NullLogger<SampleCampaignSeeder>.Instance).SeedIfEmptyAsync(CancellationToken.None);
        }

        return database;
    }

    public static string NewFolder()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "campaignbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public async Task<SqliteConnection> OpenAsync() => await Database.OpenAsync();

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open does not fail the test; the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
