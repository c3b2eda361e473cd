using CampaignBot.Chat;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CampaignBot.Tests.Chat;

/// <summary>
/// 撤销 takes back exactly what one change did, and nothing it cannot know: a hand-over with the
/// co-office it took, a snooze with the one it replaced; a completion audited before undo existed is
/// not undone by guess; an approval never brings a deadline forward; files do not follow a completion
/// that was undone. Thursday 18 June 2026; Quartz's persistent store is real, its scheduler not started.
/// </summary>
public sealed class UndoTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ThursdayMorning = new(2026, 6, 18, 1, 30, 0, TimeSpan.Zero);

    private readonly string folder = TestDatabase.NewFolder();
    private readonly string schedulerName = "undo-" + Guid.NewGuid().ToString("N");
    private BotServices services = null!;

    public async Task InitializeAsync() =>
        services = await BotServices.CreateAsync(new AnchoredTimeProvider(ThursdayMorning), new Dictionary<string, string?>
        {
            ["Reminders:Enabled"] = "true",
            ["Reminders:SchedulerName"] = schedulerName,
            ["Storage:SchedulerDatabasePath"] = Path.Combine(folder, "scheduler.db"),
        });

    public async Task DisposeAsync()
    {
        await services.Provider.GetRequiredKeyedService<IScheduler>(schedulerName).Shutdown();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private Task<ChatReply> SayAsync(string text, string account = "sample-coordinator", IReadOnlyList<EvidenceRepository.NewEvidence>? files = null) =>
        services.Get<ChatCommandRouter>().HandleAsync(new ChatRequest(text, account, "msteams", "dm-" + account, false, files ?? [], null), CancellationToken.None);

    private static string Undo(ChatReply reply, string code) => Assert.Single(reply.Suggestions, s => s.Title == "撤销 " + code).Value;

    [Fact]
    public async Task UndoingAHandOver_GivesBackTheCoOfficeItTook()
    {
        await using var connection = await services.Database.OpenAsync();
        const string Offices = "SELECT (SELECT o.name FROM office o JOIN task t ON t.lead_office_id = o.id WHERE t.code = 'T017') || '|' || "
            + "COALESCE((SELECT group_concat(o.name) FROM task_co_office c JOIN office o ON o.id = c.office_id JOIN task t ON t.id = c.task_id WHERE t.code = 'T017'), '')";
        Assert.Equal("综合组|研究室", await connection.ExecuteScalarAsync<string>(Offices));

        var handed = await SayAsync("T017 转给研究室吧");
        Assert.Equal("研究室|", await connection.ExecuteScalarAsync<string>(Offices));

        await SayAsync(Undo(handed, "T017"));

        Assert.Equal("综合组|研究室", await connection.ExecuteScalarAsync<string>(Offices));
    }

    [Fact]
    public async Task UndoingASnoozeThatReplacedAnother_PutsTheEarlierOneBack()
    {
        await SayAsync("T014 下周一再提醒我", "sample-zonghe");
        var replacing = await SayAsync("T014 下周三再提醒我", "sample-zonghe");

        await SayAsync(Undo(replacing, "T014"), "sample-zonghe");

        await using var connection = await services.Database.OpenAsync();
        Assert.Equal("2026-06-22", await connection.ExecuteScalarAsync<string>("SELECT day FROM snooze"));
        var scheduler = services.Provider.GetRequiredKeyedService<IScheduler>(schedulerName);
        var key = Assert.Single(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(CampaignBot.Reminders.Snoozes.Group)));
        var trigger = await scheduler.GetTrigger(key);
        Assert.Equal(services.Get<CampaignBot.Reminders.Snoozes>().FireAt(new DateOnly(2026, 6, 22)), trigger!.NextFireTimeUtc);
    }

    [Fact]
    public async Task ACompletionAuditedBeforeUndoExisted_IsNotUndoneByGuess()
    {
        await using var connection = await services.Database.OpenAsync();
        await connection.ExecuteAsync("UPDATE task SET status = 'done', done_at = '2026-06-17T01:00:00Z', done_by = (SELECT id FROM person WHERE name = '王建国') WHERE code = 'T014'");
        var id = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO audit (at, actor_person_id, actor_account, action, entity, entity_key, before_json, after_json)
            VALUES ('2026-06-17T01:00:00Z', (SELECT id FROM person WHERE name = '王建国'), 'sample-coordinator', 'task.done', 'task', 'T014',
                    '{"status":"open"}', '{"status":"done","evidenceCount":1}') RETURNING id
            """);

        var reply = await SayAsync($"撤销操作 {id}");

        Assert.Contains("无法撤销", reply.Header);
        Assert.Equal("done", await connection.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T014'"));
    }

    [Fact]
    public async Task ApprovingARequestTheDeadlineHasPassedSince_IsRefused_AndTheDeadlineStays()
    {
        var asked = await SayAsync("申请延期 T024 推迟 7 天", "sample-zonghe-lead");
        await using var connection = await services.Database.OpenAsync();
        var (id, newDue) = await connection.QuerySingleAsync<(long, string)>("SELECT id, new_due_on FROM extension_request");
        // A plan imported meanwhile moved the deadline past the day asked.
        var later = DateOnly.Parse(newDue).AddDays(10).ToString("yyyy-MM-dd");
        await connection.ExecuteAsync("UPDATE task SET due_on = @Later WHERE code = 'T024'", new { Later = later });

        var reply = await SayAsync($"同意延期 {id}");

        Assert.Contains("未批准", reply.Header);
        Assert.Equal(later, await connection.ExecuteScalarAsync<string>("SELECT due_on FROM task WHERE code = 'T024'"));
        Assert.Equal("pending", await connection.ExecuteScalarAsync<string>("SELECT state FROM extension_request"));
        Assert.NotNull(asked);
    }

    [Fact]
    public async Task FilesSentAfterACompletionWasUndone_AreNotFiledAsItsEvidence()
    {
        var done = await SayAsync("T014 搞定了", "sample-zonghe");
        await SayAsync(Undo(done, "T014"), "sample-zonghe");

        var reply = await SayAsync("", "sample-zonghe", [new EvidenceRepository.NewEvidence(EvidenceRepository.Kinds.Link, "现场.jpg", "https://example.org/a.jpg", "image/jpeg", null)]);

        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = 'T014' AND e.withdrawn_at IS NULL AND e.name = '现场.jpg'"));
        Assert.DoesNotContain("T014", reply.Header);
    }
}
