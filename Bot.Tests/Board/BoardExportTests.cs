using CampaignBot.Board;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Plans;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using CampaignBot.Ledger.ReadModels.Board;

namespace CampaignBot.Tests.Board;

/// <summary>The board over the sample ledger: its filters, its numbers in the export's 汇总, and a sheet per evaluation item.</summary>
public class BoardExportTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<BoardSnapshot> BoardAsync(BoardFilter filter) => BoardSnapshot.Build(
        await new TaskRepository(database.Database).AllAsync(), await new DirectoryRepository(database.Database).OfficesAsync(), TestClock.Today, filter);

    [Fact]
    public async Task TheExport_HasASummaryMatchingTheLedger_AndASheetPerEvaluationItem()
    {
        var path = Path.Combine(database.Folder, "ledger.xlsx");
        await new LedgerExporter(new TaskRepository(database.Database), new DirectoryRepository(database.Database), database.Clock).ExportAsync(path);

        await using var connection = await database.OpenAsync();
        var items = (await connection.QueryAsync<(string Item, long Count)>("SELECT evaluation_item, count(*) FROM task GROUP BY evaluation_item")).ToList();
        var sheets = MiniExcel.GetSheetNames(path);
        Assert.Equal(["任务", "单位", "人员", "汇总"], sheets.Take(4));
        Assert.Equal(items.Select(i => i.Item).Order(StringComparer.Ordinal), sheets.Skip(4).Order(StringComparer.Ordinal));
        foreach (var (item, count) in items)
        {
            Assert.Equal(count, MiniExcel.Query(path, useHeaderRow: true, sheetName: item).Count());
        }

        var summary = MiniExcel.Query(path, useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object>>().ToList();
        var expected = await connection.QueryAsync<(string Office, long Total, long Done, long Due, long Overdue)>(
            """
            SELECT o.name, count(*), sum(t.status = 'done'), sum(t.due_on <= '2026-06-15'), sum(t.status = 'open' AND t.due_on < '2026-06-15')
            FROM task t JOIN office o ON o.id = t.lead_office_id GROUP BY o.id ORDER BY o.id
            """);
        Assert.Equal(
            expected.Select(e => $"{e.Office} {e.Total} {e.Done} {e.Due} {e.Overdue}"),
            summary.Where(r => (string)r["类别"] == "单位").Select(r => $"{r["名称"]} {r["任务数"]} {r["已完成"]} {r["应完成"]} {r["逾期"]}"));
        var total = summary.Single(r => (string)r["类别"] == "合计");
        Assert.Equal(37d, Convert.ToDouble(total["任务数"]));
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT task_id) FROM evidence"), Convert.ToInt64(total["有佐证"]));
    }

    [Fact]
    public async Task TheExportWithBoardSheets_StillImportsIntoAnEmptyLedger()
    {
        var path = Path.Combine(database.Folder, "ledger.xlsx");
        await new LedgerExporter(new TaskRepository(database.Database), new DirectoryRepository(database.Database), database.Clock).ExportAsync(path);
        await using var empty = await TestDatabase.CreateAsync(seedSample: false);

        var result = await new PlanImporter(empty.Database, new CampaignBot.Ledger.Repositories.AuditRepository(empty.Database), new CampaignBot.Ledger.Repositories.DirectoryRepository(empty.Database), new CampaignBot.Ledger.Repositories.CampaignRepository(empty.Database), empty.Time, Options.Create(new CampaignOptions()), Options.Create(new ImportLimits())).ImportAsync(path, "tester");

        Assert.Empty(result.Errors);
        Assert.Equal(37, (await new TaskRepository(empty.Database).AllAsync()).Count);
    }

    [Fact]
    public async Task TheOfficeFilter_KeepsTasksTheOfficeLeadsOrHelpsWith_AndOnlyItsLine()
    {
        var offices = await new DirectoryRepository(database.Database).OfficesAsync();
        var zonghe = offices.Single(o => o.Name == "综合组");

        var board = await BoardAsync(new BoardFilter(zonghe.Id, null));

        Assert.Equal(["综合组"], board.Offices.Select(o => o.Office));
        Assert.Contains(board.NextDays, t => t.Code == "T013" && t.Office == "材料组"); // 综合组 helps with T013
        Assert.Equal(board.Items.Sum(i => i.Total), board.Items.SelectMany(i => i.Tasks).Count());
    }

    [Fact]
    public async Task TheItemFilter_ShowsOneItem_AndOverdueDaysCountFromToday()
    {
        var all = await BoardAsync(BoardFilter.All);
        var item = all.Items.First(i => i.Tasks.Any(t => t.DaysLate > 0)).Item;

        var board = await BoardAsync(new BoardFilter(null, item));

        Assert.Equal([item], board.Items.Select(i => i.Item));
        Assert.All(board.Overdue, t => Assert.Equal(item, t.EvaluationItem));
        Assert.All(board.Overdue, t => Assert.Equal(TestClock.Today.DayNumber - t.DueOn.DayNumber, t.DaysLate));
        Assert.Equal(all.AllItems, board.AllItems); // the filter's choices stay whole
    }
}
