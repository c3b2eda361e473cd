using CampaignBot.Seeding;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Seeding;

/// <summary>
/// A coordinator who tried the sample (chats bound, Web Chat conversations) goes live: one verb
/// removes the sample and keeps the database file; the real plan then imports into it.
/// </summary>
public class SampleRemovalTests
{
    private static async Task TriedTheSampleAsync(BotServices services)
    {
        await services.Database.BindChatAsync("zonghe-group", "http://127.0.0.1:9/", office: "综合组");
        await services.Database.BindChatAsync("zhangwei-1to1", "http://127.0.0.1:9/", person: "张伟", channelId: "directline");
        await using var connection = await services.Database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO directline_conversation (id, user_id, user_name, created_at) VALUES ('zhangwei-1to1', 'sample-zonghe', '张伟', '2026-06-15T01:00:00.000Z');
            INSERT INTO directline_activity (conversation_id, activity_id, json, created_at) VALUES ('zhangwei-1to1', 'a1', '{"text":"本周到期"}', '2026-06-15T01:00:00.000Z');
            """);
    }

    [Fact]
    public async Task Remove_AfterTryingTheSample_LeavesAnEmptyLedgerInTheSameFileThatTheRealPlanImportsInto()
    {
        await using var services = await BotServices.CreateAsync();
        await TriedTheSampleAsync(services);
        var file = new FileInfo(services.Database.Path);

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "sample", "remove");

        Assert.Equal(0, code);
        Assert.Contains("已移除示例活动：任务 37，单位 9，人员 15，会话 2，网页聊天记录 1", output);
        Assert.True(File.Exists(file.FullName));
        foreach (var table in new[] { "campaign", "task", "office", "person", "channel_account", "conversation", "directline_conversation", "directline_activity", "evidence" })
        {
            Assert.Equal(0, await services.Database.CountAsync($"SELECT count(*) FROM {table}"));
        }

        var plan = Path.Combine(services.Database.Folder, "plan.csv");
        await File.WriteAllTextAsync(plan, "编号,任务,牵头单位,责任人,截止日期\nZ01,制定实施方案,创建办,王芳,2026-07-15\n");
        var imported = await OperatorRun.RunAsync(services.Provider, "import", plan);
        Assert.Equal(0, imported.Code);
        Assert.Contains("新建单位：创建办", imported.Output);

        // The bot's start-up does not seed the sample again into the ledger it was removed from.
        await services.Get<SampleCampaignSeeder>().SeedIfEmptyAsync(CancellationToken.None);
        Assert.Equal(0, await services.Database.CountAsync("SELECT count(*) FROM task WHERE code = 'T001'"));
    }

    [Fact]
    public async Task Remove_TheSampleWithItsRecurringDuties_RemovesTheDutiesToo()
    {
        await using var services = await BotServices.CreateAsync(sampleDuties: true);

        var (code, _) = await OperatorRun.RunAsync(services.Provider, "sample", "remove");

        Assert.Equal(0, code);
        Assert.Equal(0, await services.Database.CountAsync("SELECT count(*) FROM task_series"));
        Assert.Equal(0, await services.Database.CountAsync("SELECT count(*) FROM task"));
    }

    [Fact]
    public async Task Remove_WithRealDataMixedIn_RefusesSayingWhatAndChangesNothing()
    {
        await using var services = await BotServices.CreateAsync();
        await TriedTheSampleAsync(services);
        await using (var connection = await services.Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO task (campaign_id, code, title, lead_office_id, due_on, updated_at)
                VALUES (1, 'REAL-1', '真实任务', (SELECT id FROM office WHERE name = '综合组'), '2026-07-01', '2026-06-15T01:00:00.000Z');
                INSERT INTO channel_account (account_id, person_id, linked_at) VALUES ('29:real-teams-id', (SELECT id FROM person WHERE name = '王建国'), '2026-06-15T01:00:00.000Z');
                """);
        }

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "sample", "remove");

        Assert.Equal(1, code);
        Assert.Contains("tasks not in the sample: REAL-1", output);
        Assert.Contains("accounts linked to sample people: 29:real-teams-id", output);
        Assert.Equal(38, await services.Database.CountAsync("SELECT count(*) FROM task"));
        Assert.Equal(2, await services.Database.CountAsync("SELECT count(*) FROM conversation"));
        Assert.Equal(1, await services.Database.CountAsync("SELECT count(*) FROM directline_activity"));
    }

    [Fact]
    public async Task Remove_AfterARealPlanWasImportedOverTheSamplesCodes_RefusesAndKeepsTheRealTasks()
    {
        // A coordinator imports the real plan first; its T001 and T002 update the sample's tasks of those codes.
        await using var services = await BotServices.CreateAsync();
        var plan = Path.Combine(services.Database.Folder, "real.csv");
        await File.WriteAllTextAsync(plan, "编号,任务,牵头单位,责任人,截止日期\nT001,制定本单位创建实施方案,综合组,张伟,2026-07-15\nT002,建立工作台账,机关党委,许娜,2026-07-20\n");
        Assert.Equal(0, (await OperatorRun.RunAsync(services.Provider, "import", plan)).Code);
        var before = await services.Database.CountAsync("SELECT count(*) FROM task");

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "sample", "remove");

        Assert.Equal(1, code);
        Assert.Contains("tasks imported over the sample's codes (their titles are not the sample's): T001、T002", output);
        Assert.Equal(before, await services.Database.CountAsync("SELECT count(*) FROM task"));
        Assert.Equal(1, await services.Database.CountAsync("SELECT count(*) FROM task WHERE code = 'T001' AND title = '制定本单位创建实施方案'"));
    }

    [Fact]
    public async Task Remove_OnALedgerWithoutTheSample_SaysSoAndChangesNothing()
    {
        await using var services = await BotServices.CreateAsync(seedSample: false);

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "sample", "remove");

        Assert.Equal(0, code);
        Assert.Contains("示例活动不在台账中", output);
        Assert.Equal(0, await services.Database.CountAsync("SELECT count(*) FROM audit"));
    }
}
