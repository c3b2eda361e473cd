using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 12, point 7 (and point 4's last part) from the attacks as reported: a 430 KB xlsx that
/// expanded to 3 million rows (3.7 GB, 2 minutes, 12 million error lines), a truncated xlsx that
/// ended the program with exit 134, and exports that wrote =HYPERLINK(...) titles as live formulas.
/// Bad files go to the real program (Bot.dll as a child process): one line, exit 1, ledger unchanged.
/// </summary>
[Needs(Needs.Process)]
public sealed class SpreadsheetSecurityTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Import_BombWorkbook_IsRefusedInOneLineBeforeAnythingIsExpanded()
    {
        var bomb = HostileWorkbooks.Bomb(database.Folder, 3_000_000);
        Assert.True(new FileInfo(bomb).Length < 1024 * 1024, $"the bomb is a small file: {new FileInfo(bomb).Length} bytes");
        using (var zip = ZipFile.OpenRead(bomb))
        {
            Assert.True(zip.Entries.Sum(e => e.Length) > 70L * 1024 * 1024, "and it expands to tens of MB");
        }

        var before = await LedgerStateAsync();
        var (code, output, elapsed) = await RunProgramAsync(["import", bomb]);

        Assert.Equal(1, code);
        var line = Assert.Single(Lines(output));
        Assert.StartsWith("import 未执行：", line);
        Assert.Contains("Import:MaxExpansionRatio", line);
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"refused in {elapsed}");
        Assert.Equal(before, await LedgerStateAsync());
    }

    [Fact]
    public async Task Import_BombWithItsSizeLimitsLifted_StopsAtTheRowLimitWhileReading()
    {
        // Sizes in a zip's directory are the attacker's word; the row count is checked as rows are read.
        var bomb = HostileWorkbooks.Bomb(database.Folder, 3_000_000);
        var before = await LedgerStateAsync();

        var (code, output, elapsed) = await RunProgramAsync(["import", bomb], new()
        {
            ["Import__MaxExpansionRatio"] = "100000",
            ["Import__MaxUncompressedMegabytes"] = "100000",
            ["Import__MaxRows"] = "10000",
        });

        Assert.Equal(1, code);
        Assert.Contains("超过 10000 行上限（Import:MaxRows）", Assert.Single(Lines(output)));
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"refused in {elapsed}");
        Assert.Equal(before, await LedgerStateAsync());
    }

    [Fact]
    public async Task Import_BombThatUnderstatesItsSize_IsCutAtTheDeclaredSizeAndRefused()
    {
        // The directory says 1 MB (ratio under the limit); the part really inflates to 80 MB. The zip
        // reader stops at the declared size, so the sheet ends mid-XML: a clear line, not 80 MB read.
        var bomb = HostileWorkbooks.Understated(database.Folder, HostileWorkbooks.Bomb(database.Folder, 3_000_000), "xl/worksheets/sheet1.xml", 1024 * 1024);
        var before = await LedgerStateAsync();

        var (code, output, elapsed) = await RunProgramAsync(["import", bomb], new() { ["Import__MaxExpansionRatio"] = "100000" });

        Assert.Equal(1, code);
        Assert.Contains("文件不完整或已损坏", Assert.Single(Lines(output)));
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"refused in {elapsed}");
        Assert.Equal(before, await LedgerStateAsync());
    }

    [Fact]
    public async Task Import_FileOverTheSizeLimit_IsRefusedInOneLine()
    {
        var plan = HostileWorkbooks.WriteFile(database.Folder, "big.csv", "编号,任务,牵头单位,截止日期\n" + new string('x', 2 * 1024 * 1024));

        var (code, output, _) = await RunProgramAsync(["import", plan], new() { ["Import__MaxFileMegabytes"] = "1" });

        Assert.Equal(1, code);
        Assert.Contains("上限 1 MB（Import:MaxFileMegabytes）", Assert.Single(Lines(output)));
    }

    public static TheoryData<string> Malformed => new() { "truncated", "cut sheet", "not a zip", "zip without sheets" };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Import_MalformedWorkbook_IsOneClearLineAndExitOne_NeverACrash(string kind)
    {
        var export = Path.Combine(database.Folder, "ledger.xlsx");
        Assert.Equal(0, (await RunProgramAsync(["export", export])).Code);
        var path = kind switch
        {
            "truncated" => HostileWorkbooks.Truncated(database.Folder, export),
            "cut sheet" => HostileWorkbooks.CutSheet(database.Folder, export),
            "not a zip" => HostileWorkbooks.NotAZip(database.Folder),
            _ => HostileWorkbooks.ZipWithoutSheets(database.Folder),
        };
        var before = await LedgerStateAsync();

        var (code, output, _) = await RunProgramAsync(["import", path]);

        Assert.Equal(1, code);
        Assert.StartsWith("import 未执行：", Assert.Single(Lines(output)));
        Assert.Equal(before, await LedgerStateAsync());
    }

    [Fact]
    public async Task Import_MillionsOfBadRowsAllowed_ListsTheFirstFiftyAndCountsTheRest()
    {
        var csv = new StringBuilder("编号,任务,牵头单位,截止日期\n");
        for (var i = 0; i < 5_000; i++)
        {
            csv.Append($"B{i},坏行,无此单位,2026-07-01\n");
        }

        var plan = HostileWorkbooks.WriteFile(database.Folder, "bad-rows.csv", csv.ToString());

        var (code, output, _) = await RunProgramAsync(["import", plan]);

        Assert.Equal(1, code);
        var lines = Lines(output);
        Assert.Equal("导入未执行：5000 处错误，台账未做任何修改。", lines[0]);
        Assert.Equal(52, lines.Count);
        Assert.Equal("  … 另有 4950 处错误未列出。", lines[^1]);
    }

    public static TheoryData<string> BadCalendars => new() { "binary", "too long", "too large" };

    [Theory]
    [MemberData(nameof(BadCalendars))]
    public async Task WorkdaysLoad_BadFile_IsOneLineAndExitOne(string kind)
    {
        var path = Path.Combine(database.Folder, "calendar.csv");
        var settings = new Dictionary<string, string> { ["Import__MaxRows"] = "100", ["Import__MaxFileMegabytes"] = "1" };
        switch (kind)
        {
            case "binary":
                File.Copy(HostileWorkbooks.Bomb(database.Folder, 10), path);
                break;
            case "too long":
                await File.WriteAllTextAsync(path, "日期,类型,名称\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"2026-01-01,休,x{i}\n")));
                break;
            default:
                await File.WriteAllTextAsync(path, "日期,类型,名称\n" + new string('1', 2 * 1024 * 1024));
                break;
        }

        await using (var connection = await database.OpenAsync())
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workday"));
        }

        var (code, output, _) = await RunProgramAsync(["workdays", "load", path], settings);

        Assert.Equal(1, code);
        Assert.Single(Lines(output));
        await using var after = await database.OpenAsync();
        Assert.Equal(0, await after.ExecuteScalarAsync<long>("SELECT count(*) FROM workday"));
    }

    private async Task<(int Code, string Output, TimeSpan Elapsed)> RunProgramAsync(string[] args, Dictionary<string, string>? settings = null)
    {
        var watch = Stopwatch.StartNew();
        using var process = BotProcess.Start(database, args, settings);
        var (code, output, _) = await BotProcess.RunToEndSeparatelyAsync(process);
        return (code, output, watch.Elapsed);
    }

    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>Everything an import could change, as one comparable string.</summary>
    private async Task<string> LedgerStateAsync()
    {
        await using var connection = await database.OpenAsync();
        var tasks = await connection.QueryAsync<string>("SELECT code || title || due_on || status FROM task ORDER BY code");
        var counts = await connection.QuerySingleAsync<(long, long, long, long)>(
            "SELECT (SELECT count(*) FROM office), (SELECT count(*) FROM person), (SELECT count(*) FROM channel_account), (SELECT count(*) FROM audit)");
        return string.Join('|', tasks) + counts;
    }
}
