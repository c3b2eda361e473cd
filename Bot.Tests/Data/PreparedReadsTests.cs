using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignBot.Tests.Data;

/// <summary>
/// Statements kept prepared across reads must never answer from an old snapshot: a commit from
/// another connection (or another process: the operator's import) is visible to the next read.
/// </summary>
public class PreparedReadsTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task ARead_AfterAnotherConnectionCommits_SeesTheCommit()
    {
        var tasks = new TaskRepository(database.Database);
        var today = new DateOnly(2026, 6, 15);
        var before = await tasks.OverdueAsync(today, TaskScope.Everything);
        Assert.NotEmpty(before);

        // A separate, unpooled connection, as another process would have.
        await using (var other = new SqliteConnection($"Data Source={database.Path};Pooling=False"))
        {
            await other.ExecuteAsync("UPDATE task SET status = 'done', done_at = '2026-06-15T00:00:00.000Z' WHERE code = @Code", new { before[0].Code });
        }

        var after = await tasks.OverdueAsync(today, TaskScope.Everything);
        Assert.Equal(before.Count - 1, after.Count);
        Assert.DoesNotContain(after, t => t.Code == before[0].Code);
    }

    [Fact]
    public async Task ARead_SeesRowsAddedBetweenReads_AndSurvivesASchemaChange()
    {
        var directory = new DirectoryRepository(database.Database);
        Assert.Null(await directory.FindPersonByAccountAsync("new-account"));

        await using (var other = new SqliteConnection($"Data Source={database.Path};Pooling=False"))
        {
            // A schema change makes SQLite re-prepare the kept statement on its next step.
            await other.ExecuteAsync("ALTER TABLE person ADD COLUMN nickname TEXT");
            await other.ExecuteAsync("INSERT INTO channel_account (account_id, person_id, linked_at) VALUES ('new-account', 1, '2026-06-15T00:00:00.000Z')");
        }

        var person = await directory.FindPersonByAccountAsync("new-account");
        Assert.NotNull(person);
        Assert.Equal(1, person.Id);
    }

    [Fact]
    public async Task ManyParallelReads_EachGetTheirOwnAnswer()
    {
        var conversations = new ConversationRepository(database.Database);
        await database.BindChatAsync("chat-a", "http://127.0.0.1:9/", office: "综合组");
        await database.BindChatAsync("chat-b", "http://127.0.0.1:9/", office: "材料组");

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            conversations.FindAsync("msteams", i % 2 == 0 ? "chat-a" : "chat-b")));

        Assert.All(answers.Where((_, i) => i % 2 == 0), a => Assert.Equal("综合组", a!.BoundOfficeName));
        Assert.All(answers.Where((_, i) => i % 2 == 1), a => Assert.Equal("材料组", a!.BoundOfficeName));
    }

    [Fact]
    public async Task AContainerDisposedSynchronously_ClosesTheKeptConnections()
    {
        // The setup's connections wait in the pool with the file open: close them, to count only the provider's.
        SqliteConnection.ClearPool(new SqliteConnection(database.Database.ConnectionString));
        var before = OpenHandles(database.Path);
        var provider = new ServiceCollection()
            .AddSingleton(_ => new LedgerDatabase(Options.Create(new StorageOptions { DatabasePath = database.Path })))
            .BuildServiceProvider();
        var ledger = provider.GetRequiredService<LedgerDatabase>();
        Assert.NotNull(await new DirectoryRepository(ledger).FindPersonByAccountAsync("sample-zonghe"));
        Assert.Equal(before + 1, OpenHandles(database.Path));

        // A plain ServiceProvider.Dispose() (the bench, console tools) must not throw for an async-only disposable.
        var disposing = Record.Exception(provider.Dispose);

        Assert.Null(disposing);
        // A closed connection goes back to the pool, which closes its file when cleared; one still kept open would stay.
        SqliteConnection.ClearPool(new SqliteConnection(ledger.ConnectionString));
        Assert.Equal(before, OpenHandles(database.Path));
    }

    /// <summary>This process's open file descriptors on <paramref name="path"/> (Linux: /proc/self/fd).</summary>
    private static int OpenHandles(string path)
    {
        var count = 0;
        foreach (var fd in new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos())
        {
            try
            {
                count += fd.LinkTarget == path ? 1 : 0;
            }
            catch (IOException)
            {
                // Closed by another thread while listed.
            }
        }

        return count;
    }
}
