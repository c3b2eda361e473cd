using CampaignBot.Board;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Board;

/// <summary>
/// The page's numbers (counted by SQLite) against the export's (counted in memory by
/// <see cref="BoardSnapshot"/>) on the sample ledger, for each kind of filter: the two agree.
/// </summary>
public sealed class BoardRepositoryTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    public static TheoryData<string?, string?> Filters => new()
    {
        { null, null },
        { "综合组", null },
        { "材料组", null },
        { null, "ITEM" },
        { "综合组", "ITEM" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ReadAsync_AgreesWithTheExportsSnapshot(string? officeName, string? item)
    {
        var offices = await new DirectoryRepository(database.Database).OfficesAsync();
        var tasks = await new TaskRepository(database.Database).AllAsync();
        var busiestItem = tasks.GroupBy(BoardFilter.ItemOf).MaxBy(g => g.Count())!.Key;
        var filter = new BoardFilter(offices.SingleOrDefault(o => o.Name == officeName)?.Id, item is null ? null : busiestItem);

        var expected = BoardSnapshot.Build(tasks, offices, TestClock.Today, filter);
        var actual = await new BoardRepository(database.Database).ReadAsync(filter, TestClock.Today);

        Assert.Equal(expected.Offices, actual.Offices);
        Assert.Equal(expected.Overdue, actual.Overdue.Tasks);
        Assert.Equal(expected.Overdue.Count, actual.Overdue.Count);
        Assert.Equal(expected.NextDays, actual.NextDays.Tasks);
        Assert.Equal(
            Enumerable.Range(0, BoardSnapshot.DaysAhead).Select(d => expected.NextDays.Count(t => t.DueOn == TestClock.Today.AddDays(d))),
            actual.NextDaysPerDay);
        Assert.Equal(
            expected.Items.Select(i => $"{i.Item} {i.Total} {i.Done} {i.WithEvidence}"),
            actual.Items.Select(i => $"{i.Item} {i.Total} {i.Done} {i.WithEvidence}"));
        foreach (var line in actual.Items)
        {
            // An item's tasks come only when that item is chosen: all of them here (fewer than the list's cap).
            var all = expected.Items.Single(i => i.Item == line.Item).Tasks;
            if (item is null)
            {
                Assert.Null(line.Tasks);
                continue;
            }

            Assert.Equal(all.Count, line.Tasks!.Count);
            Assert.Equal(all.OrderBy(t => t.Evidence > 0).ThenBy(t => t.Code, StringComparer.Ordinal), line.Tasks.Tasks);
        }

        Assert.Equal(expected.AllItems, actual.AllItems);
        Assert.Equal(expected.AllOffices, actual.AllOffices);
        Assert.Equal(expected.Offices.Sum(o => o.Total), actual.Totals.Total);
    }
}
