using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Plans;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Tests.Support;
using Dapper;
using static CampaignBot.Tests.Plans.PlanFiles;

namespace CampaignBot.Tests.Plans;

/// <summary>
/// Issue 22, "re-importing the plan silently undid an approved extension": a coordinator goes live
/// with the plan of another campaign (创建国家卫生城市: codes WS-10, 1.2, LP-1; 8 offices; 14 people with
/// accounts; a monthly duty) in an empty ledger (today Monday 15 June 2026). Decisions are made through
/// the ledger (an extension approved, a hand-over, a completion), then the plan is imported again with
/// the operator verb: the decisions stay and the summary lists where the file says otherwise;
/// --file-wins puts the file's values back and says what it overrode; a plan edit no decision touched is applied.
/// </summary>
public sealed class DecisionsSurviveImportTests : IAsyncLifetime
{
    private BotServices services = null!;

    /// <summary>What the first import printed.</summary>
    private string firstImport = "";

    public async Task InitializeAsync()
    {
        services = await BotServices.CreateAsync(seedSample: false);
        var (code, output) = await ImportAsync(Plan());
        Assert.True(code == 0, output);
        firstImport = output;
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static readonly Dictionary<string, object?>[] Offices =
    [
        Office("创卫办", "领导小组办公室"), Office("爱卫科", "委室"), Office("城管局", "委室"), Office("市场监管局", "委室"),
        Office("卫健委", "委室"), Office("住建局", "委室"), Office("生态环境局", "委室"), Office("教育局", "委室"),
    ];

    private static readonly Dictionary<string, object?>[] People =
    [
        Person("王建国", "创卫办", "协调员", "wang.jianguo"), Person("马丽", "创卫办", "领导", "ma.li"),
        Person("赵刚", "爱卫科", "负责人", "zhao.gang"), Person("钱芳", "爱卫科", "成员", "qian.fang"),
        Person("孙强", "城管局", "负责人", "sun.qiang"), Person("李娜", "城管局", "成员", "li.na"),
        Person("周敏", "市场监管局", "负责人", "zhou.min"), Person("吴磊", "市场监管局", "成员", "wu.lei"),
        Person("郑洁", "卫健委", "负责人", "zheng.jie"), Person("卫华", "卫健委", "成员", "wei.hua"),
        Person("冯涛", "住建局", "负责人", "feng.tao"), Person("陈静", "生态环境局", "负责人", "chen.jing"),
        Person("褚军", "教育局", "负责人", "chu.jun"), Person("蒋红", "教育局", "成员", "jiang.hong"),
    ];

    private const string Monthly = "每月最后一个工作日";

    /// <summary>The line the issue asked for, after extension #1 moved WS-10 from 31 May to 30 June 2027.</summary>
    private const string KeptExtension = "WS-10：文件截止日期 2027-05-31，台账保留已批准延期后的 2027-06-30（延期申请 #1，王建国 6月15日批准）";

    /// <summary>The plan as the coordinator keeps it; <paramref name="edit"/> changes rows by code.</summary>
    private static List<Dictionary<string, object?>> Tasks(Action<Dictionary<string, Dictionary<string, object?>>>? edit = null)
    {
        var rows = new[]
        {
            Task("WS-10", "病媒生物防制达标", "爱卫科", "2027-05-31", owner: "钱芳", evaluation: "病媒生物防制"),
            Task("WS-11", "公共厕所改造", "城管局", "2027-03-31", coOffices: "住建局", owner: "李娜", evaluation: "市容环境"),
            Task("1.2", "农贸市场规范化管理", "市场监管局", "2026-09-30", owner: "吴磊", evaluation: "重点场所"),
            Task("LP-1", "健康教育进校园", "教育局", "2026-10-31", coOffices: "卫健委", owner: "蒋红", evaluation: "健康教育"),
            Task("2.1", "医疗废物规范处置", "卫健委", "2026-12-31", owner: "卫华", evaluation: "医疗卫生"),
            Task("3.4", "建筑工地扬尘治理", "住建局", "2026-08-31", coOffices: "生态环境局", owner: "冯涛", evaluation: "环境保护"),
            Task("XC-1", "爱国卫生月宣传", "爱卫科", "2026-12-31", owner: "钱芳", starts: "2026-06-01", evaluation: "健康教育"),
        }.ToDictionary(r => (string)r[PlanColumns.Code]!);
        foreach (var row in rows.Values)
        {
            row[PlanColumns.Recurrence] = (string)row[PlanColumns.Code]! == "XC-1" ? Monthly : "";
        }

        edit?.Invoke(rows);
        return [.. rows.Values];
    }

    private string Plan(Action<Dictionary<string, Dictionary<string, object?>>>? edit = null, IEnumerable<Dictionary<string, object?>>? people = null) =>
        Xlsx(services.Database.Folder, Tasks(edit), Offices, people ?? People);

    private Task<(int Code, string Output)> ImportAsync(string path, params string[] options) =>
        OperatorRun.RunAsync(services.Provider, ["import", path, .. options]);

    private async Task<ChatActor> ActorAsync(string account) =>
        new(account, await services.Get<DirectoryRepository>().FindPersonByAccountAsync(account), "test", "conv-" + account);

    /// <summary>The member asks for the extension in chat's terms, the coordinator approves it: the ledger's own decision.</summary>
    private async Task<long> ApproveExtensionAsync(string code, DateOnly to, string asker = "qian.fang")
    {
        var requested = Assert.IsType<ExtensionRequestOutcome.Requested>(await services.Get<ExtensionRequests>().RequestAsync(
            await ActorAsync(asker), code, to, "检测机构排期", new ChatTarget("test", "conv-" + asker), CancellationToken.None));
        Assert.IsType<ExtensionDecisionOutcome.Decided>(
            await services.Get<ExtensionRequests>().DecideAsync(await ActorAsync("wang.jianguo"), requested.RequestId, approve: true, null, CancellationToken.None));
        return requested.RequestId;
    }

    private async Task<LedgerTask> TaskAsync(string code) => (await services.Get<TaskRepository>().FindByCodeAsync(code))!;

    private Task<int> CountAsync(string sql) => services.Database.CountAsync(sql);

    [Fact]
    public async Task AnApprovedExtension_SurvivesTheUnchangedPlan_AndTheSummaryListsTheDifference()
    {
        await ApproveExtensionAsync("WS-10", new DateOnly(2027, 6, 30));

        var (code, output) = await ImportAsync(Plan());

        Assert.True(code == 0, output);
        Assert.Equal(new DateOnly(2027, 6, 30), (await TaskAsync("WS-10")).DueOn);
        Assert.Contains("导入完成：新增任务 0，更新任务 0，未变任务 13；新增单位 0，更新单位 0；新增人员 0，更新人员 0，未变人员 14。", output);
        Assert.Contains("以下 1 项与聊天中的决定不同，台账保留决定：", output);
        Assert.Contains("    " + KeptExtension, output);
        Assert.Contains("加 --file-wins 再导入", output);

        // The file still says 31 May: every import says so again, and keeps the decision.
        var (_, again) = await ImportAsync(Plan());
        Assert.Contains("WS-10：文件截止日期 2027-05-31，台账保留已批准延期后的 2027-06-30", again);
        Assert.Equal(new DateOnly(2027, 6, 30), (await TaskAsync("WS-10")).DueOn);
    }

    [Fact]
    public async Task FileWins_PutsTheFilesDeadlineBack_SaysWhatItOverrode_AndAuditsIt()
    {
        await ApproveExtensionAsync("WS-10", new DateOnly(2027, 6, 30));

        var (code, output) = await ImportAsync(Plan(), "--file-wins");

        Assert.True(code == 0, output);
        Assert.Equal(new DateOnly(2027, 5, 31), (await TaskAsync("WS-10")).DueOn);
        Assert.Contains("以文件为准（--file-wins），取代了聊天中的决定 1 项：", output);
        Assert.Contains("    WS-10：截止日期改回文件的 2027-05-31（原为已批准延期后的 2027-06-30：延期申请 #1，王建国 6月15日批准）", output);
        Assert.Contains("更新任务 1，未变任务 12", output);
        Assert.DoesNotContain("台账保留决定", output);
        await using var connection = await services.Database.OpenAsync();
        var audit = Assert.Single(await connection.QueryAsync<(string ActorAccount, string Before, string After)>(
            "SELECT actor_account, before_json, after_json FROM audit WHERE action = 'plan.override' AND entity = 'task' AND entity_key = 'WS-10'"));
        Assert.StartsWith("operator:", audit.ActorAccount);
        Assert.Contains("\"dueOn\":\"2027-06-30\"", audit.Before);
        Assert.Contains("\"requestId\":1", audit.Before);
        Assert.Contains("\"dueOn\":\"2027-05-31\"", audit.After);

        // The file and the ledger agree now: the next import has nothing to say about WS-10.
        var (_, again) = await ImportAsync(Plan());
        Assert.DoesNotContain("WS-10", again);
    }

    [Fact]
    public async Task AHandOverAndACompletion_SurviveTheUnchangedPlan()
    {
        var handedOver = await services.Get<Handovers>().HandOverAsync(await ActorAsync("wang.jianguo"), "1.2", "孙强", CancellationToken.None);
        Assert.IsType<HandoverOutcome.HandedOver>(handedOver);
        var done = await services.Get<TaskCompletion>().MarkDoneAsync(await ActorAsync("jiang.hong"), "LP-1", "宣讲 12 场，照片已归档", []);
        Assert.IsType<TaskChangeOutcome.Changed>(done);

        var (code, output) = await ImportAsync(Plan());

        Assert.True(code == 0, output);
        var task12 = await TaskAsync("1.2");
        Assert.Equal(("城管局", "孙强"), (task12.LeadOfficeName, task12.OwnerName));
        Assert.Contains("    1.2：文件牵头单位 市场监管局、责任人 吴磊，台账保留转办后的牵头单位 城管局、责任人 孙强（王建国 6月15日转办）", output);
        var lp1 = await TaskAsync("LP-1");
        Assert.Equal(("done", "蒋红", 1, "卫健委"), (lp1.Status, lp1.DoneByName, lp1.EvidenceCount, lp1.CoOfficeNames));
        Assert.Contains("未变任务 13", output);

        var (_, fileWins) = await ImportAsync(Plan(), "--file-wins");
        task12 = await TaskAsync("1.2");
        Assert.Equal(("市场监管局", "吴磊"), (task12.LeadOfficeName, task12.OwnerName));
        Assert.Contains("    1.2：改回文件的牵头单位 市场监管局、责任人 吴磊（原为转办后的牵头单位 城管局、责任人 孙强：王建国 6月15日转办）", fileWins);
        Assert.Equal("done", (await TaskAsync("LP-1")).Status); // the file states no completion: nothing to win
    }

    [Fact]
    public async Task APlanEdit_ThatNoDecisionTouched_IsApplied_NextToAKeptDecision()
    {
        await ApproveExtensionAsync("WS-10", new DateOnly(2027, 6, 30));

        var (code, output) = await ImportAsync(Plan(rows =>
        {
            rows["3.4"][PlanColumns.DueOn] = "2026-09-15";
            rows["WS-11"][PlanColumns.LeadOffice] = "住建局";
            rows["WS-11"][PlanColumns.Owner] = "冯涛";
        }));

        Assert.True(code == 0, output);
        Assert.Equal(new DateOnly(2026, 9, 15), (await TaskAsync("3.4")).DueOn);
        var ws11 = await TaskAsync("WS-11");
        Assert.Equal(("住建局", "冯涛", ""), (ws11.LeadOfficeName, ws11.OwnerName, ws11.CoOfficeNames)); // a co-office that now leads is no co-office
        Assert.Contains("新增任务 0，更新任务 2，未变任务 11", output);
        Assert.Contains("以下 1 项与聊天中的决定不同", output);
        Assert.DoesNotContain("3.4：", output);
        Assert.Equal(new DateOnly(2027, 6, 30), (await TaskAsync("WS-10")).DueOn);
    }

    [Fact]
    public async Task OnceThePlanCatchesUpWithTheDecision_ItsLaterEditsApply()
    {
        await ApproveExtensionAsync("WS-10", new DateOnly(2027, 6, 30));
        var (_, caughtUp) = await ImportAsync(Plan(rows => rows["WS-10"][PlanColumns.DueOn] = "2027-06-30"));
        Assert.DoesNotContain("WS-10", caughtUp);

        var (code, output) = await ImportAsync(Plan(rows => rows["WS-10"][PlanColumns.DueOn] = "2027-07-15"));

        Assert.True(code == 0, output);
        Assert.Equal(new DateOnly(2027, 7, 15), (await TaskAsync("WS-10")).DueOn);
        Assert.DoesNotContain("WS-10", output);
    }

    [Fact]
    public async Task ADutysEvents_KeepTheirDecisions_WhenItsLeadTimeOrWindowChanges()
    {
        await ApproveExtensionAsync("XC-1-260831", new DateOnly(2026, 9, 15));
        Assert.IsType<TaskChangeOutcome.Changed>(await services.Get<TaskCompletion>().MarkDoneAsync(await ActorAsync("qian.fang"), "XC-1-261030", "提前完成", []));

        // Each event is now due three days before it, but August's stays where its extension put it.
        var (code, output) = await ImportAsync(Plan(rows => rows["XC-1"][PlanColumns.Recurrence] = Monthly + "，提前3天"));

        Assert.True(code == 0, output);
        Assert.Equal(new DateOnly(2026, 9, 15), (await TaskAsync("XC-1-260831")).DueOn);
        Assert.Equal(new DateOnly(2026, 7, 28), (await TaskAsync("XC-1-260731")).DueOn);
        Assert.Contains("XC-1-260831：文件截止日期 2026-08-28，台账保留已批准延期后的 2026-09-15（延期申请 #1，王建国 6月15日批准）", output);
        Assert.Contains("更新任务 6，未变任务 7", output);

        // The duty now ends in July: August (extended) and October (done) stay, and say why; the rest go.
        var (_, shorter) = await ImportAsync(Plan(rows => rows["XC-1"][PlanColumns.DueOn] = "2026-07-31"));
        Assert.Contains("XC-1-260831：文件中已没有这次活动，台账保留（延期申请 #1，王建国 6月15日批准）", shorter);
        Assert.Contains("XC-1-261030：文件中已没有这次活动，台账保留（已完成，钱芳 6月15日；1 份佐证）", shorter);
        Assert.Contains("删除周期活动 3 次（文件的周期或起止日期已不含，未完成、无佐证）：XC-1-260930、XC-1-261130、XC-1-261231", shorter);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM task WHERE code IN ('XC-1-260831', 'XC-1-261030')"));

        // The file wins: the extended event goes too; the done one stays, work done is never removed.
        var (_, fileWins) = await ImportAsync(Plan(rows => rows["XC-1"][PlanColumns.DueOn] = "2026-07-31"), "--file-wins");
        Assert.Contains("XC-1-260831：文件中已没有这次活动，已删除（原有延期申请 #1，王建国 6月15日批准）", fileWins);
        Assert.Contains("XC-1-261030：文件中已没有这次活动，台账保留（已完成，钱芳 6月15日；1 份佐证）", fileWins);
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(["XC-1-260630", "XC-1-260731", "XC-1-261030"], await connection.QueryAsync<string>("SELECT code FROM task WHERE series_code = 'XC-1' ORDER BY code"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit WHERE action = 'plan.override' AND entity_key = 'XC-1-260831' AND after_json LIKE '%\"removed\":true%'"));
    }

    [Fact]
    public async Task TheSummary_SaysNewPeopleAndLinkedAccountsApartFromUnchangedOnes()
    {
        // First import: 14 new people, each linked by the 账号 column; nobody is left without an account.
        Assert.Contains("新增任务 13，更新任务 0，未变任务 0；新增单位 8，更新单位 0；新增人员 14，更新人员 0，未变人员 0。", firstImport);
        Assert.Contains("关联账号 14 个（人员表的账号列）：王建国 wang.jianguo、马丽 ma.li", firstImport);
        Assert.DoesNotContain("尚未关联账号", firstImport);
        var whoami = await services.Get<CampaignBot.Chat.ChatCommandRouter>().HandleAsync(
            new CampaignBot.Chat.ChatRequest("我是谁", "qian.fang", "test", "conv-qian", false, [], null), CancellationToken.None);
        Assert.Equal("你的账号：qian.fang，钱芳，爱卫科，成员。", whoami.Header);

        // Again, with 赵刚 made a coordinator, a second account for 钱芳 and a newcomer without one.
        var people = People.Select(p => new Dictionary<string, object?>(p)).ToList();
        people.Single(p => (string)p[PlanColumns.PersonName]! == "赵刚")[PlanColumns.PersonRole] = "协调员";
        people.Single(p => (string)p[PlanColumns.PersonName]! == "钱芳")[PlanColumns.PersonAccounts] = "qian.fang、qianfang-dd";
        people.Add(Person("黄新", "爱卫科", "成员", ""));
        var (code, output) = await ImportAsync(Plan(people: people));

        Assert.True(code == 0, output);
        Assert.Contains("新增任务 0，更新任务 0，未变任务 13；新增单位 0，更新单位 0；新增人员 1，更新人员 2，未变人员 12。", output);
        Assert.Contains("新建人员：黄新", output);
        Assert.Contains("更新人员：赵刚（角色）、钱芳（账号）", output);
        Assert.Contains("关联账号 1 个（人员表的账号列）：钱芳 qianfang-dd", output);
        Assert.Contains("尚未关联账号：黄新（", output);
        Assert.Equal(1, output.Split("尚未关联账号").Length - 1);
    }

    [Fact]
    public async Task ALedgerFromBeforeThePlanWasRemembered_KeepsTheDecisionsThatStillStand()
    {
        await ApproveExtensionAsync("WS-10", new DateOnly(2027, 6, 30));
        Assert.IsType<HandoverOutcome.HandedOver>(await services.Get<Handovers>().HandOverAsync(await ActorAsync("wang.jianguo"), "1.2", "孙强", CancellationToken.None));
        // 2.1's extension was already undone by an import of the old kind: it no longer stands.
        await ApproveExtensionAsync("2.1", new DateOnly(2027, 1, 31), asker: "wei.hua");
        await using (var connection = await services.Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                UPDATE task SET due_on = '2026-12-31' WHERE code = '2.1';
                DROP TABLE task_plan;
                DELETE FROM schema_migration WHERE version = 14;
                """);
        }

        // The verb migrates the ledger first (0014 again), then imports, the 2.1 row edited.
        var (code, output) = await ImportAsync(Plan(rows => rows["2.1"][PlanColumns.DueOn] = "2027-02-15"));

        Assert.True(code == 0, output);
        Assert.Contains(KeptExtension, output);
        Assert.Contains("1.2：文件牵头单位 市场监管局、责任人 吴磊，台账保留转办后的牵头单位 城管局、责任人 孙强（王建国 6月15日转办）", output);
        Assert.DoesNotContain("2.1：", output);
        Assert.Equal(new DateOnly(2027, 2, 15), (await TaskAsync("2.1")).DueOn);
        Assert.Equal(new DateOnly(2027, 6, 30), (await TaskAsync("WS-10")).DueOn);
    }

    [Fact]
    public async Task ATaskWithNoRecordOfWhatThePlanSaid_KeepsAnExtensionThatStillStands()
    {
        await ApproveExtensionAsync("WS-10", new DateOnly(2027, 6, 30));
        await using (var connection = await services.Database.OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM task_plan");
        }

        var (_, output) = await ImportAsync(Plan());

        Assert.Contains(KeptExtension, output);
        Assert.Equal(new DateOnly(2027, 6, 30), (await TaskAsync("WS-10")).DueOn);
        Assert.Equal(13, await CountAsync("SELECT count(*) FROM task_plan"));
    }

    [Fact]
    public async Task AFileWinsImportWithABadRow_WritesNothing_AndTheDecisionStands()
    {
        await ApproveExtensionAsync("WS-10", new DateOnly(2027, 6, 30));
        var path = Plan(rows => rows["3.4"][PlanColumns.DueOn] = "2026-02-30");

        var (code, output) = await ImportAsync(path, "--file-wins");

        Assert.Equal(1, code);
        Assert.Contains("截止日期「2026-02-30」不存在", output);
        Assert.Equal(new DateOnly(2027, 6, 30), (await TaskAsync("WS-10")).DueOn);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM audit WHERE action = 'plan.override'"));
    }

    [Fact]
    public async Task InEnglish_TheSummarySaysTheSame()
    {
        await using var english = await BotServices.CreateAsync(seedSample: false, settings: new Dictionary<string, string?> { ["Campaign:DefaultLanguage"] = "English" });
        var path = Xlsx(english.Database.Folder, Tasks(), Offices, People);
        await OperatorRun.RunAsync(english.Provider, "import", path);
        var requested = Assert.IsType<ExtensionRequestOutcome.Requested>(await english.Get<ExtensionRequests>().RequestAsync(
            new ChatActor("qian.fang", await english.Get<DirectoryRepository>().FindPersonByAccountAsync("qian.fang"), "test", "c"),
            "WS-10", new DateOnly(2027, 6, 30), null, new ChatTarget("test", "c"), CancellationToken.None));
        await english.Get<ExtensionRequests>().DecideAsync(
            new ChatActor("wang.jianguo", await english.Get<DirectoryRepository>().FindPersonByAccountAsync("wang.jianguo"), "test", "c"),
            requested.RequestId, approve: true, null, CancellationToken.None);

        var (_, output) = await OperatorRun.RunAsync(english.Provider, "import", path);

        Assert.Contains("Imported: tasks 0 new, 0 updated, 13 unchanged; offices 0 new, 0 updated; people 0 new, 0 updated, 14 unchanged.", output);
        Assert.Contains("WS-10: the file's deadline is 2027-05-31; the ledger keeps 2027-06-30, extension request #1 approved by 王建国 on Jun 15", output);
    }
}
