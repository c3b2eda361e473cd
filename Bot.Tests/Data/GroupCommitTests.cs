using CampaignBot.Data;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Tests.Data;

/// <summary>
/// Writes made at once are committed together, and nobody hears "written" before the transaction
/// holding their item has committed. A real SQLite file; a scratch table of its own.
/// </summary>
public class GroupCommitTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private int transactions;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var connection = await database.Database.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE scratch (n INTEGER PRIMARY KEY)");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>Holds the first transaction open until released, so that the writes made meanwhile queue up.</summary>
    private readonly TaskCompletionSource firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GroupCommit<int> Writer(Func<IReadOnlyList<int>, bool>? failWhen = null, bool holdFirst = false) => new(database.Database, async (connection, transaction, items) =>
    {
        if (Interlocked.Increment(ref transactions) == 1 && holdFirst)
        {
            await firstHeld.Task;
        }

        await connection.ExecuteAsync("INSERT INTO scratch (n) VALUES (@N)", items.Select(n => new { N = n }), transaction);
        if (failWhen?.Invoke(items) == true)
        {
            throw new InvalidOperationException("batch refused");
        }
    });

    private async Task<bool> StoredAsync(int n)
    {
        // Its own unpooled connection, as another process would read it: only committed rows show.
        await using var other = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        return await other.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM scratch WHERE n = @N)", new { N = n });
    }

    [Fact]
    public async Task WritesMadeWhileOneIsBeingCommitted_AreCommittedTogether_AndEachIsDurableWhenItReturns()
    {
        var writer = Writer(holdFirst: true);
        var first = writer.WriteAsync(0);
        var durableOnReturn = new bool[100];
        var others = Enumerable.Range(1, 99).Select(async n =>
        {
            await writer.WriteAsync(n);
            durableOnReturn[n] = await StoredAsync(n);
        }).ToList();
        Assert.All(others, t => Assert.False(t.IsCompleted));

        firstHeld.SetResult();
        await first.WaitAsync(TimeSpan.FromSeconds(30));
        durableOnReturn[0] = await StoredAsync(0);
        await Task.WhenAll(others).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(durableOnReturn, Assert.True);
        Assert.Equal(2, transactions);
    }

    [Fact]
    public async Task ManyWritersInParallel_AllCommit()
    {
        var writer = Writer();

        // A lost wake-up (an item queued just as the writer lets go) would hang here: the wait is bounded.
        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) => await writer.WriteAsync(n))
            .WaitAsync(TimeSpan.FromSeconds(60));

        await using var connection = await database.Database.OpenAsync();
        Assert.Equal(2000, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM scratch"));
    }

    [Fact]
    public async Task AFailedBatch_FailsEveryWriteInIt_CommitsNoneOfThem_AndTheNextWritesGoThrough()
    {
        var writer = Writer(failWhen: items => items.Contains(13));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(13));
        Assert.Equal("batch refused", failure.Message);
        Assert.False(await StoredAsync(13));

        await writer.WriteAsync(14);
        Assert.True(await StoredAsync(14));
    }

    [Fact]
    public async Task ACallerThatGivesUp_StopsWaiting_WithoutFailingItsWrite()
    {
        var writer = Writer(holdFirst: true);
        var first = writer.WriteAsync(6);
        using var giveUp = new CancellationTokenSource();
        var waiting = writer.WriteAsync(7, giveUp.Token);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        firstHeld.SetResult();
        await first.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await StoredAsync(7));
    }

    [Fact]
    public async Task AWriteStartedInsideAnother_IsRefused_InsteadOfWaitingForItself()
    {
        var nested = database.Database.WriteAsync<bool>(async (_, _) =>
            await database.Database.WriteAsync((_, _) => Task.FromResult(true)));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => nested.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("inside another", refused.Message, StringComparison.Ordinal);
        Assert.True(await database.Database.WriteAsync((_, _) => Task.FromResult(true)));
    }

    [Fact]
    public async Task WorkStartedInsideAWrite_MayWriteOnceThatWriteHasCommitted()
    {
        var outerCommitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<bool> later = null!;
        await database.Database.WriteAsync((_, _) =>
        {
            later = Task.Run(async () =>
            {
                await outerCommitted.Task;
                return await database.Database.WriteAsync((_, _) => Task.FromResult(true));
            });
            return Task.FromResult(true);
        });

        outerCommitted.SetResult();
        Assert.True(await later.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
