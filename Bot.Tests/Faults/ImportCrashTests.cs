using System.Diagnostics;
using System.Text;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Faults;

/// <summary>
/// The real program killed (SIGKILL) at different points of a large plan import: the database
/// opens and passes SQLite's integrity check, and the import is all or nothing.
/// </summary>
[Needs(Needs.Process)]
public class ImportCrashTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Tasks = 20_000;

    [Fact]
    public async Task Import_KilledAtDifferentPoints_IsAllOrNothingAndTheDatabaseOpens()
    {
        await using var database = await TestDatabase.CreateAsync();
        var plan = Path.Combine(database.Folder, "big-plan.csv");
        var csv = new StringBuilder("编号,任务,测评项目,牵头单位,配合单位,责任人,开始日期,截止日期,佐证材料\n");
        for (var i = 0; i < Tasks; i++)
        {
            csv.Append($"K{i:00000},批量导入任务 {i},资料台账,综合组,材料组,张伟,2026-07-01,2026-09-{i % 28 + 1:00},照片\n");
        }

        await File.WriteAllTextAsync(plan, csv.ToString());
        var before = await TaskCountAsync(database);
        var outcomes = new List<string>();

        // Time a whole import on a copy, so that the kills below land at known shares of it (the last
        // ones inside the write transaction, which comes after start-up, reading and validation).
        var copy = Path.Combine(database.Folder, "copy.db");
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync($"VACUUM INTO '{copy}'");
        }

        var timing = Stopwatch.StartNew();
        using (var trial = BotProcess.Start(database, ["import", plan], new Dictionary<string, string> { ["Storage__DatabasePath"] = copy }))
        {
            Assert.Equal(0, (await BotProcess.RunToEndAsync(trial)).ExitCode);
        }

        var whole = (int)timing.ElapsedMilliseconds;
        output.WriteLine($"a whole import takes {whole} ms");

        // The ledger as it was, to start again from when an import finishes before any kill (a busy
        // machine made the trial slower than the runs: the kills are then tried again, sooner).
        var pristine = Path.Combine(database.Folder, "pristine.db");
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync($"VACUUM INTO '{pristine}'");
        }

        var delays = new Queue<int>([whole / 2, whole * 3 / 4, whole * 9 / 10]);
        for (var attempt = 0; delays.TryDequeue(out var delayMilliseconds) && attempt < 10; attempt++)
        {
            using var import = BotProcess.Start(database, ["import", plan]);
            var watch = Stopwatch.StartNew();
            await Task.WhenAny(import.WaitForExitAsync(), Task.Delay(delayMilliseconds));
            var finished = import.HasExited;
            if (!finished)
            {
                await BotProcess.KillAsync(import);
            }

            var count = await TaskCountAsync(database);
            outcomes.Add($"{(finished ? "finished" : "killed")} at {watch.ElapsedMilliseconds} ms: {count - before} tasks added");
            Assert.Contains(count, new[] { before, before + Tasks });
            await AssertIntactAsync(database);
            if (count == before + Tasks)
            {
                if (outcomes.Any(o => o.StartsWith("killed", StringComparison.Ordinal)))
                {
                    break;
                }

                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Copy(pristine, database.Path, overwrite: true);
                File.Delete(database.Path + "-wal");
                File.Delete(database.Path + "-shm");
                delays = new Queue<int>([delayMilliseconds / 2, delayMilliseconds * 3 / 4]);
            }
        }

        output.WriteLine(string.Join("; ", outcomes));
        Assert.Contains(outcomes, o => o.StartsWith("killed", StringComparison.Ordinal));

        // After the crashes, the same import runs through.
        using var rerun = BotProcess.Start(database, ["import", plan]);
        var (exitCode, text) = await BotProcess.RunToEndAsync(rerun);
        Assert.True(exitCode == 0, text);
        Assert.Equal(before + Tasks, await TaskCountAsync(database));
    }

    private static async Task<long> TaskCountAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM task");
    }

    private static async Task AssertIntactAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pragma_foreign_key_check"));
    }
}
