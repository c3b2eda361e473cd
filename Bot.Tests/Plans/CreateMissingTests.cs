using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Plans;

/// <summary>
/// A coordinator's plan kept as one sheet (CSV), imported into a fresh ledger (sample off) or next
/// to the sample: offices and people it names are created when asked (or when the ledger has
/// none), a typo gets the closest known names, and a bad file still writes nothing.
/// </summary>
public class CreateMissingTests
{
    private const string Header = "编号,任务,测评项目,牵头单位,配合单位,责任人,开始日期,截止日期,佐证材料\n";

    private static async Task<string> CsvAsync(TestDatabase database, string rows)
    {
        var path = Path.Combine(database.Folder, $"plan-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, Header + rows);
        return path;
    }

    [Fact]
    public async Task Csv_IntoALedgerWithNoOffices_CreatesTheOfficesAndPeopleItNamesAndListsThem()
    {
        await using var services = await BotServices.CreateAsync(seedSample: false);
        var path = await CsvAsync(services.Database,
            "A01,每月中心组学习,理论学习,综合组,材料组、机关党委,张三,2026-06-01,2026-07-31,学习记录\n" +
            "A02,资料台账整理,资料台账,材料组,,李四,,2026-08-14,\n" +
            "A03,周四集体学习,理论学习,机关党委,,张三,,2026-08-20,\n");

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "import", path);

        Assert.Equal(0, code);
        Assert.Contains("新增任务 3", output);
        Assert.Contains("新建单位：综合组、材料组、机关党委", output);
        Assert.Contains("新建人员：张三、李四", output);
        Assert.Equal(3, await services.Database.CountAsync("SELECT count(*) FROM office"));
        Assert.Equal(1, await services.Database.CountAsync("SELECT count(*) FROM person p JOIN office o ON o.id = p.office_id WHERE p.name = '张三' AND o.name = '综合组'"));
        Assert.Equal(2, await services.Database.CountAsync("SELECT count(*) FROM task_co_office"));
    }

    [Fact]
    public async Task Csv_IntoAnEmptyLedger_WithATypoOfAnotherOfItsOffices_ImportsAndPointsAtThePair()
    {
        await using var services = await BotServices.CreateAsync(seedSample: false);
        var path = await CsvAsync(services.Database,
            "A01,每月中心组学习,理论学习,综合组,,张三,,2026-07-31,\n" +
            "A02,资料台账整理,资料台账,综合祖,,张三,,2026-08-14,\n");

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "import", path);

        Assert.Equal(0, code);
        Assert.Contains("请核对相近的名称（可能是笔误）：「综合祖」与「综合组」。", output);
    }

    [Fact]
    public async Task Csv_WithATypoNextToTheSample_SuggestsTheClosestKnownNamesAndWritesNothing()
    {
        await using var services = await BotServices.CreateAsync();
        var path = await CsvAsync(services.Database,
            "N01,新任务,测评,综合祖,材料组,张玮,,2026-07-31,\n" +
            "N02,另一任务,测评,综合组,法工委,,,2026-07-31,\n");

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "import", path);

        Assert.Equal(1, code);
        Assert.Contains("任务 第 2 行: 未知牵头单位「综合祖」（是否为：综合组？）", output);
        Assert.Contains("任务 第 2 行: 未知责任人「张玮」（是否为：张伟？）", output);
        Assert.Equal(0, await services.Database.CountAsync("SELECT count(*) FROM task WHERE code IN ('N01', 'N02')"));
    }

    [Fact]
    public async Task CreateMissing_NextToTheSample_CreatesOnlyWhatIsNewAndListsIt()
    {
        await using var services = await BotServices.CreateAsync();
        var path = await CsvAsync(services.Database,
            "N01,宣传月活动,宣传氛围,宣传部,综合组,王小明,,2026-07-31,\n" +
            "N02,另一任务,测评,综合组,法工委,张伟,,2026-07-31,\n");

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "import", path, "--create-missing");

        Assert.Equal(0, code);
        Assert.Contains("新建单位：宣传部", output);
        Assert.Contains("新建人员：王小明", output);
        Assert.Equal(10, await services.Database.CountAsync("SELECT count(*) FROM office"));
        Assert.Equal(1, await services.Database.CountAsync("SELECT count(*) FROM audit WHERE action = 'plan.import' AND after_json LIKE '%宣传部%'"));
    }

    [Fact]
    public async Task CreateMissing_WithABadRow_CreatesNothing()
    {
        await using var services = await BotServices.CreateAsync();
        var path = await CsvAsync(services.Database,
            "N01,宣传月活动,宣传氛围,宣传部,,王小明,,2026-07-31,\n" +
            "N02,日期写错,测评,综合组,,,,2026-02-30,\n");

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "import", path, "--create-missing");

        Assert.Equal(1, code);
        Assert.Contains("任务 第 3 行: 截止日期「2026-02-30」不存在", output);
        Assert.Equal(0, await services.Database.CountAsync("SELECT count(*) FROM office WHERE name = '宣传部'"));
        Assert.Equal(0, await services.Database.CountAsync("SELECT count(*) FROM person WHERE name = '王小明'"));
    }

    [Fact]
    public async Task Import_DeadlineBeyondTheLimit_IsARowError()
    {
        await using var services = await BotServices.CreateAsync();
        var path = await CsvAsync(services.Database, "N01,笔误,测评,综合组,,,,9999-12-31,\n");

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "import", path);

        Assert.Equal(1, code);
        Assert.Contains("任务 第 2 行: 截止日期 9999-12-31 晚于允许的最晚日期 2029-06-14（Campaign:MaxDeadlineDaysAhead）", output);
    }
}
