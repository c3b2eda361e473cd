using System.Text;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Plans;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Options;
using static CampaignBot.Tests.Plans.PlanFiles;

namespace CampaignBot.Tests.Plans;

public class PlanImporterTests : IAsyncLifetime
{
    private TestDatabase empty = null!;
    private TestDatabase sample = null!;

    public async Task InitializeAsync()
    {
        empty = await TestDatabase.CreateAsync(seedSample: false);
        sample = await TestDatabase.CreateAsync(seedSample: true);
    }

    public async Task DisposeAsync()
    {
        await empty.DisposeAsync();
        await sample.DisposeAsync();
    }

    private static PlanImporter Importer(TestDatabase database) =>
        new(database.Database, new AuditRepository(database.Database), new DirectoryRepository(database.Database), new CampaignRepository(database.Database), database.Time, Options.Create(new CampaignOptions { Name = "测试活动" }), Options.Create(new ImportLimits()));

    [Fact]
    public async Task Import_GoodPlanIntoEmptyLedger_WritesOfficesPeopleTasksAndCampaign()
    {
        var path = Xlsx(empty.Folder,
            [
                Task("A01", "每月中心组学习", "综合组", "2026-07-31", coOffices: "材料组、机关党委", owner: "张三", starts: "2026-06-01", evidence: "学习记录"),
                Task("A02", "资料台账整理", "材料组", "2026-08-15"),
            ],
            offices: [Office("综合组", "工作组"), Office("材料组", "工作组"), Office("机关党委", "委室", "党委"), Office("领导小组办公室", "领导小组办公室")],
            people: [Person("张三", "综合组", "负责人", "acc-zhang、29:teams-zhang", mobile: "13900000001", weCom: "zhangsan"), Person("李四", "领导小组办公室", "协调员", "acc-li", dingTalk: "lisi01")]);

        var result = await Importer(empty).ImportAsync(path, "tester");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var summary = result.Summary!;
        Assert.Equal((2, 0, 0), (summary.TasksAdded, summary.TasksUpdated, summary.TasksUnchanged));
        Assert.Equal(["综合组", "材料组", "机关党委", "领导小组办公室"], summary.OfficesCreated);
        Assert.Equal(["张三", "李四"], summary.PeopleCreated);
        Assert.Equal(
            [new("张三", "acc-zhang", null), new("张三", "29:teams-zhang", null), new PlanWriteSummary.AccountLink("李四", "acc-li", null)],
            summary.AccountsLinked);
        Assert.Empty(summary.PeopleWithoutAccount);
        var tasks = new TaskRepository(empty.Database);
        var a01 = (await tasks.FindByCodeAsync("a01"))!;
        Assert.Equal(("每月中心组学习", "综合组", "材料组、机关党委", "张三", new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 31), "学习记录"),
            (a01.Title, a01.LeadOfficeName, a01.CoOfficeNames, a01.OwnerName, a01.StartsOn!.Value, a01.DueOn, a01.EvidenceRequired));
        var a02 = (await tasks.FindByCodeAsync("A02"))!;
        Assert.Null(a02.OwnerName);
        Assert.Null(a02.StartsOn);
        var directory = new DirectoryRepository(empty.Database);
        Assert.Equal("张三", (await directory.FindPersonByAccountAsync("29:teams-zhang"))!.Name);
        Assert.True((await directory.FindPersonByAccountAsync("acc-li"))!.IsCoordinator);
        var campaign = (await new CampaignRepository(empty.Database).CurrentAsync())!;
        Assert.Equal(("测试活动", new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 15)), (campaign.Name, campaign.StartsOn, campaign.EndsOn));
        await using var connection = await empty.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM audit WHERE action = 'plan.import'"));
        Assert.Equal(
            [("张三", "13900000001", null, "zhangsan"), ("李四", null, "lisi01", null)],
            await connection.QueryAsync<(string, string?, string?, string?)>("SELECT name, mobile, dingtalk_user_id, wecom_user_id FROM person ORDER BY id"));
    }

    [Fact]
    public async Task Import_PlanWithBadRows_ReportsEachByNumberAndWritesNothing()
    {
        var path = Xlsx(sample.Folder,
        [
            Task("B01", "好的一行", "综合组", "2026-07-01"),
            Task("B02", "未知单位", "宣传部", "2026-07-01"),
            Task("B03", "不存在的日期", "综合组", "2026-02-30"),
            Task("B01", "重复编号", "综合组", "2026-07-01"),
            Task("B05", "", "综合组", "2026-07-01"),
            Task("B06", "未知责任人和配合单位", "综合组", "2026-07-01", coOffices: "材料组、后勤处", owner: "无名氏"),
            Task("B07", "开始晚于截止", "综合组", "2026-07-01", starts: "2026-08-01"),
            Task("B08", "看不懂的日期", "综合组", "下个月吧"),
            Task("", "没有编号", "综合组", "2026-07-01"),
            Task("B10", "缺截止日期", "法工委", ""),
        ]);
        await using var before = await sample.OpenAsync();
        var tasksBefore = await before.QueryAsync<string>("SELECT code || title || due_on FROM task ORDER BY code");

        var result = await Importer(sample).ImportAsync(path, "tester");

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "任务 第 3 行: 未知牵头单位「宣传部」（台账中没有相近的单位；新单位请列入单位表，或导入时加 --create-missing）",
                "任务 第 4 行: 截止日期「2026-02-30」不存在",
                "任务 第 5 行: 编号「B01」与第 2 行重复",
                "任务 第 6 行: 缺少任务名称",
                "任务 第 7 行: 未知配合单位「后勤处」（台账中没有相近的单位；新单位请列入单位表，或导入时加 --create-missing）",
                "任务 第 7 行: 未知责任人「无名氏」（台账中没有相近的人员；新人员请列入人员表，或导入时加 --create-missing）",
                "任务 第 8 行: 开始日期晚于截止日期",
                "任务 第 9 行: 截止日期「下个月吧」无法识别（请写成 2026-06-30）",
                "任务 第 10 行: 缺少编号",
                "任务 第 11 行: 缺少截止日期",
            ],
            result.Errors.Select(e => e.ToString()));
        await using var after = await sample.OpenAsync();
        Assert.Equal(tasksBefore, await after.QueryAsync<string>("SELECT code || title || due_on FROM task ORDER BY code"));
        Assert.Equal(0, await after.ExecuteScalarAsync<int>("SELECT count(*) FROM audit WHERE action = 'plan.import'"));
    }

    [Fact]
    public async Task Import_BadPeopleAndOfficeRows_AreReportedOnTheirSheet()
    {
        var path = Xlsx(empty.Folder,
            [Task("C01", "任务", "综合组", "2026-07-01")],
            offices: [Office("综合组", "工作组"), Office("综合组", "工作组"), Office("宣传组", "部门")],
            people: [Person("王五", "财务处", "成员", "w5"), Person("赵六", "综合组", "组长", "z6"), Person("钱七", "综合组", "成员", "w5")]);

        var result = await Importer(empty).ImportAsync(path, "tester");

        Assert.Equal(
            [
                "单位 第 3 行: 单位「综合组」与第 2 行重复",
                "单位 第 4 行: 未知类型「部门」（可填：领导小组办公室、工作组、委室）",
                "人员 第 2 行: 未知单位「财务处」（台账中没有相近的单位；新单位请列入单位表，或导入时加 --create-missing）",
                "人员 第 3 行: 未知角色「组长」（可填：成员、负责人、协调员、领导）",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Import_MissingColumns_IsReportedOnTheHeaderRow()
    {
        var path = Path.Combine(empty.Folder, "plan.csv");
        await File.WriteAllTextAsync(path, "编号,任务\nX1,只有两列\n");

        var result = await Importer(empty).ImportAsync(path, "tester");

        Assert.Equal(["任务 第 1 行: 缺少列：牵头单位、截止日期"], result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("GB18030")]
    public async Task Import_Csv_ReadsChineseInEitherEncoding(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Path.Combine(sample.Folder, $"plan-{encoding}.csv");
        var csv = "编号,任务,测评项目,牵头单位,配合单位,责任人,开始日期,截止日期,佐证材料\n"
                  + "D01,重阳节敬老活动,文化建设,综合组,机关党委,张伟,,2026/10/18,照片\n";
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding(encoding).GetBytes(csv));

        var result = await Importer(sample).ImportAsync(path, "tester");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var task = (await new TaskRepository(sample.Database).FindByCodeAsync("D01"))!;
        Assert.Equal(("重阳节敬老活动", "综合组", "机关党委", "张伟", new DateOnly(2026, 10, 18)),
            (task.Title, task.LeadOfficeName, task.CoOfficeNames, task.OwnerName, task.DueOn));
    }

    [Fact]
    public async Task Import_AgainWithChanges_UpdatesByCodeAndKeepsCompletionAndEvidence()
    {
        var completion = new TaskCompletion(sample.Database, new CampaignBot.Ledger.Repositories.AuditRepository(sample.Database), new CampaignBot.Ledger.Repositories.TaskRepository(sample.Database), new CampaignBot.Ledger.Repositories.EvidenceRepository(sample.Database, new CampaignBot.Ledger.Repositories.EvidenceFileRepository(sample.Database)), sample.Time);
        var zhang = await new DirectoryRepository(sample.Database).FindPersonByAccountAsync("sample-zonghe");
        var actor = new ChatActor("sample-zonghe", zhang, "test", "c");
        await completion.MarkDoneAsync(actor, "T014", "已完成", [new EvidenceRepository.NewEvidence("attachment", "a.jpg", "https://f/a.jpg", "image/jpeg", null)]);
        var exported = Path.Combine(sample.Folder, "ledger.xlsx");
        await new LedgerExporter(new TaskRepository(sample.Database), new DirectoryRepository(sample.Database), sample.Clock).ExportAsync(exported);
        var edited = Xlsx(sample.Folder, [Task("T014", "学雷锋志愿服务活动（扩大）", "行政组", "2026-06-30", owner: "吴芳")]);

        var result = await Importer(sample).ImportAsync(edited, "tester");

        Assert.Equal((0, 1, 0), (result.Summary!.TasksAdded, result.Summary.TasksUpdated, result.Summary.TasksUnchanged));
        Assert.Equal((0, 0, 0), (result.Summary.PeopleCreated.Count, result.Summary.PeopleUpdated.Count, result.Summary.PeopleUnchanged));
        Assert.Empty(result.Summary.Kept);
        var task = (await new TaskRepository(sample.Database).FindByCodeAsync("T014"))!;
        Assert.Equal(("学雷锋志愿服务活动（扩大）", "行政组", "", "吴芳", new DateOnly(2026, 6, 30)),
            (task.Title, task.LeadOfficeName, task.CoOfficeNames, task.OwnerName, task.DueOn));
        Assert.Equal(("done", "张伟", 2), (task.Status, task.DoneByName, task.EvidenceCount));
        Assert.Equal(37, (await new TaskRepository(sample.Database).AllAsync()).Count);
    }

    [Fact]
    public async Task Export_ThenImportIntoEmptyLedger_ReproducesTheLedger()
    {
        await using (var connection = await sample.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE person SET mobile = '13800000000', dingtalk_user_id = 'zw01', wecom_user_id = 'zhangwei' WHERE name = '张伟'");
        }

        var tasks = new TaskRepository(sample.Database);
        var exported = Path.Combine(sample.Folder, "ledger.xlsx");
        await new LedgerExporter(tasks, new DirectoryRepository(sample.Database), sample.Clock).ExportAsync(exported);

        var result = await Importer(empty).ImportAsync(exported, "tester");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        static object Shape(LedgerTask t) => (t.Code, t.Title, t.EvaluationItem, t.LeadOfficeName, t.CoOfficeNames, t.OwnerName, t.StartsOn, t.DueOn, t.EvidenceRequired);
        Assert.Equal((await tasks.AllAsync()).Select(Shape), (await new TaskRepository(empty.Database).AllAsync()).Select(Shape));
        Assert.True((await new DirectoryRepository(empty.Database).FindPersonByAccountAsync("sample-coordinator"))!.IsCoordinator);
        var zhang = (await new DirectoryRepository(empty.Database).FindPersonByNameAsync("张伟"))!;
        Assert.Equal(("13800000000", "zw01", "zhangwei"), (zhang.Mobile, zhang.DingTalkUserId, zhang.WeComUserId));
    }

    [Fact]
    public async Task Export_Csv_HasTheTemplateHeaders()
    {
        var path = Path.Combine(sample.Folder, "ledger.csv");

        var count = await new LedgerExporter(new TaskRepository(sample.Database), new DirectoryRepository(sample.Database), sample.Clock).ExportAsync(path);

        Assert.Equal(37, count);
        var header = (await File.ReadAllLinesAsync(path))[0];
        Assert.StartsWith(string.Join(",", PlanColumns.TaskColumns), header.TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task Import_UnsupportedFile_IsRefused()
    {
        var path = Path.Combine(empty.Folder, "plan.docx");
        await File.WriteAllTextAsync(path, "x");

        await Assert.ThrowsAsync<PlanFileException>(() => Importer(empty).ImportAsync(path, "tester"));
    }
}
