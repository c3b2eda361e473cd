using CampaignBot.Board;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Tests.Support;
using Dapper;
using CampaignBot.Ledger.ReadModels.Board;

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
            expected.Items.Select(i => $"{i.Item} {i.Total} {i.Done} {i.WithEvidence} {i.DueSoFar} {i.EvidenceGaps}"),
            actual.Items.Select(i => $"{i.Item} {i.Total} {i.Done} {i.WithEvidence} {i.DueSoFar} {i.EvidenceGaps}"));
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

        // The sample has fewer items and offices than the filters' cap: all of them, with their counts.
        Assert.Equal(expected.AllItems, actual.ItemChoices.Listed);
        Assert.Equal(expected.AllItems.Count, actual.ItemChoices.Count);
        Assert.Equal(expected.AllOffices, actual.OfficeChoices.Listed.Select(o => (o.Id, o.Name)));
        Assert.Equal(expected.AllOffices.Count, actual.OfficeChoices.Count);
        // The totals count what the lists show: with an office chosen, the tasks it leads and those it helps with.
        var shown = tasks.Where(filter.Includes).ToList();
        Assert.Equal(
            new BoardTotals(shown.Count, shown.Count(t => t.IsDone), shown.Count(t => t.DueOn <= TestClock.Today), expected.Overdue.Count),
            actual.Totals);
    }

    [Fact]
    public async Task AMembersView_CountsAsOverdueWhatItListsAsOverdue()
    {
        // 材料组 helps with overdue tasks other offices lead (T011, T012). Before, its 逾期 counted only
        // the tasks it leads, fewer than the overdue list right below it.
        var cailiao = (await new DirectoryRepository(database.Database).OfficesAsync()).Single(o => o.Name == "材料组");

        var board = await new BoardRepository(database.Database).ReadAsync(new BoardFilter(cailiao.Id, null), TestClock.Today);

        Assert.True(board.Overdue.Count > board.Offices.Single().Overdue, $"{board.Overdue.Count} listed, {board.Offices.Single().Overdue} led");
        Assert.Equal(board.Overdue.Count, board.Totals.Overdue);
        Assert.Equal(board.Overdue.Count, board.Overdue.Tasks.Count);
    }

    [Fact]
    public async Task EvidenceGaps_CountOnlyTasksDueByTodayOrDone()
    {
        // An item of 18 tasks of which one is due: before, the 17 not yet due counted as missing evidence too.
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                WITH RECURSIVE n(value) AS (SELECT 0 UNION ALL SELECT value + 1 FROM n WHERE value < 17)
                INSERT INTO task (campaign_id, code, title, evaluation_item, lead_office_id, due_on, updated_at)
                SELECT 1, 'G' || value, '将来的任务', '新测评项目', (SELECT id FROM office WHERE name = '综合组'), date('2026-06-15', '+' || value || ' days'), '2026-06-15T01:00:00.000Z'
                FROM n
                """);
        }

        var board = await new BoardRepository(database.Database).ReadAsync(BoardFilter.All, TestClock.Today);

        var item = board.Items.Single(i => i.Item == "新测评项目");
        Assert.Equal((18, 1, 0, 1), (item.Total, item.DueSoFar, item.WithEvidence, item.EvidenceGaps));
    }

    [Fact]
    public async Task AnItemsTasks_ShowTheirDeadlines_AndFoldARecurringDutysFutureOccurrencesIntoOneLine()
    {
        await using var withDuties = await TestDatabase.CreateAsync(sampleDuties: true);
        await using var connection = await withDuties.OpenAsync();
        var thursdays = await connection.QuerySingleAsync<(long Count, string Next)>(
            "SELECT count(*), min(due_on) FROM task WHERE series_code = 'S02' AND status = 'open' AND due_on > '2026-06-15'");
        var item = await connection.ExecuteScalarAsync<string>("SELECT evaluation_item FROM task WHERE series_code = 'S02' LIMIT 1");

        var board = await new BoardRepository(withDuties.Database).ReadAsync(new BoardFilter(null, item), TestClock.Today);

        var line = board.Items.Single();
        Assert.True(thursdays.Count > 10, $"{thursdays.Count} future Thursdays");
        Assert.DoesNotContain(line.Tasks!.Tasks, t => t.Code.StartsWith("S02-", StringComparison.Ordinal) && t.DueOn > TestClock.Today && !t.Done);
        var weekly = Assert.Single(line.Upcoming!, u => u.Code == "S02");
        Assert.Equal(("每周四", thursdays.Next, (int)thursdays.Count), (weekly.Rule, weekly.NextDueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), weekly.Count));
        Assert.Equal(line.Total - line.Upcoming!.Sum(u => u.Count), line.Tasks.Count);
    }
}
