using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Time;
using CampaignBot.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Tests.Support;

/// <summary>A real SQLite ledger file in a temporary folder, migrated, optionally seeded; deleted afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string folder, TimeProvider time)
    {
        Folder = folder;
        Time = time;
        Path = System.IO.Path.Combine(folder, "ledger.db");
        Database = new LedgerDatabase(Options.Create(new StorageOptions { DatabasePath = Path }));
        Clock = new CampaignClock(time, CampaignClock.FindZone("Asia/Shanghai"));
    }

    public string Folder { get; }

    public string Path { get; }

    public TimeProvider Time { get; }

    public CampaignClock Clock { get; }

    public LedgerDatabase Database { get; }

    /// <param name="sampleDuties">
    /// The sample with its recurring duties, as the bot seeds it by default. Off, the one-off tasks
    /// only: the sample most tests were written against (37 tasks); the duties have tests of their own.
    /// </param>
    public static async Task<TestDatabase> CreateAsync(bool seedSample = true, TimeProvider? time = null, bool sampleDuties = false)
    {
        var folder = NewFolder();
        var database = new TestDatabase(folder, time ?? TestClock.Create());
        await new SchemaMigrator(database.Database, database.Time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        if (seedSample)
        {
            await new SampleCampaignSeeder(database.Database, new AuditRepository(database.Database), new DirectoryRepository(database.Database), new CampaignRepository(database.Database), new EvidenceRepository(database.Database, new EvidenceFileRepository(database.Database)), new TaskRepository(database.Database), database.Clock, NullLogger<SampleCampaignSeeder>.Instance, sampleDuties).SeedIfEmptyAsync(CancellationToken.None);
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

    /// <summary>One number from the ledger, such as a count of rows.</summary>
    public async Task<int> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, sql);
    }

    /// <summary>Records a chat the bot has been in, bound to an office (or, a 1:1 chat, its person's, subscribed to their reminders).</summary>
    public async Task BindChatAsync(string conversationId, string serviceUrl, string? office = null, string? person = null, string channelId = "msteams")
    {
        await using var connection = await OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection,
            """
            INSERT INTO conversation (channel_id, conversation_id, service_url, bot_id, bot_name, is_group, bound_office_id, bound_person_id, person_id, last_seen_at)
            VALUES (@ChannelId, @ConversationId, @ServiceUrl, 'campaignbot', 'CampaignBot', @IsGroup,
                    (SELECT id FROM office WHERE name = @Office), (SELECT id FROM person WHERE name = @Person), (SELECT id FROM person WHERE name = @Person),
                    '2026-06-01T00:00:00.000Z')
            """,
            new { ChannelId = channelId, ConversationId = conversationId, ServiceUrl = serviceUrl, IsGroup = office is not null, Office = office, Person = person });
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open does not fail the test; the temp folder is cleaned by the OS.
        }
    }
}
