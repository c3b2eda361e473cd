using CampaignBot.Chat;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Plans;
using CampaignBot.Tests.Plans;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Chat;

/// <summary>
/// Issue 21, as an office lives it on Wednesday 2 December: a message that only seems to report a
/// change changes nothing; January means next January; the plan's own codes are read as written;
/// several tasks get one outcome each; a change read from words is one tap from undone.
/// Through the real router, ledger and SQLite file.
/// </summary>
public class WordsTrustedTests : IAsyncLifetime
{
    /// <summary>Wednesday 2 December 2026, 09:00 in Shanghai.</summary>
    private static readonly DateTimeOffset December2 = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync(new FakeTimeProvider(December2));

    public async Task DisposeAsync() => await services.DisposeAsync();

    private Task<ChatReply> SayAsync(string text, string account = "sample-coordinator", IReadOnlyList<EvidenceRepository.NewEvidence>? attachments = null) =>
        services.Get<ChatCommandRouter>().HandleAsync(new ChatRequest(text, account, "msteams", "conv-" + account, false, attachments ?? [], null), CancellationToken.None);

    private async Task<(string Status, int Evidence, int Audit)> StateAsync(string code)
    {
        await using var connection = await services.Database.OpenAsync();
        return await connection.QuerySingleAsync<(string, int, int)>(
            """
            SELECT t.status, (SELECT count(*) FROM evidence e WHERE e.task_id = t.id AND e.withdrawn_at IS NULL),
                   (SELECT count(*) FROM audit a WHERE a.entity = 'task' AND a.entity_key = t.code)
            FROM task t WHERE t.code = @code
            """, new { code });
    }

    [Theory]
    [InlineData("T019的完成时限是多久", "T019")]
    [InlineData("we can't finish T019 on time", "T019")]
    [InlineData("如果T023搞定了就跟我说下", "T023")]
    [InlineData("李明说T017已经完成了，你核实一下", "T017")]
    [InlineData("听说T026已经办完了", "T026")]
    [InlineData("T024 打算下周去社区，弄完再报", "T024")]
    [InlineData("I'll mark T020 done after the post goes out on Friday", "T020")]
    [InlineData("T022 完成80%了，还剩两场", "T022")]
    public async Task AQuestionNegationConditionOrHearsay_ChangesNothing_AndOffersTheChangeAsAButton(string text, string code)
    {
        var before = await StateAsync(code);

        var reply = await SayAsync(text);

        Assert.Equal(before, await StateAsync(code));
        Assert.Equal("open", before.Status);
        Assert.Contains(reply.Suggestions, s => s.Value == $"完成 {code}" || s.Value == $"done {code}");
        Assert.Contains(code, reply.Items.Single().Title);
    }

    [Fact]
    public async Task JanuaryWrittenInDecember_IsNextJanuary_ForAnExtension()
    {
        var reply = await SayAsync("申请延期 T017 到 1月15日，理由：元旦前后代表时间排不开", "sample-zonghe-lead");

        await using var connection = await services.Database.OpenAsync();
        var asked = await connection.QuerySingleAsync<(string NewDue, string Reason)>(
            "SELECT r.new_due_on, r.reason FROM extension_request r JOIN task t ON t.id = r.task_id WHERE t.code = 'T017'");
        Assert.Equal("2027-01-15", asked.NewDue);
        Assert.Equal("元旦前后代表时间排不开", asked.Reason);
        Assert.Contains("2027年1月15日", reply.Header);
    }

    [Fact]
    public async Task AnExtensionAskedAsAQuestion_OffersAButtonWithTheFullDateAndTheReason()
    {
        var reply = await SayAsync("T017 能延期到1月15日吗？理由是代表时间排不开", "sample-zonghe-lead");

        var offered = Assert.Single(reply.Suggestions, s => s.Value.StartsWith("申请延期", StringComparison.Ordinal));
        Assert.Equal("申请延期 T017 到 2027-01-15，理由：代表时间排不开", offered.Value);
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM extension_request"));

        // Pressing it asks for exactly that, with no undo: the button's words are the command's own.
        var pressed = await SayAsync(offered.Value, "sample-zonghe-lead");
        Assert.Equal("2027-01-15", await connection.ExecuteScalarAsync<string>("SELECT new_due_on FROM extension_request"));
        Assert.DoesNotContain(pressed.Suggestions, s => s.Value.StartsWith("撤销操作", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("T017 能不能延期到1月15日？理由是代表时间排不开")]
    [InlineData("can we push T017 to Jan 15? 代表时间排不开")]
    public async Task LeaveAskedPolitely_FilesTheRequest_WithAnUndo(string message)
    {
        // 能不能…, can we…: how people ask for an extension; it only files a request the coordinators decide on.
        var reply = await SayAsync(message, "sample-zonghe-lead");

        await using var connection = await services.Database.OpenAsync();
        Assert.Equal("2027-01-15", await connection.ExecuteScalarAsync<string>("SELECT new_due_on FROM extension_request WHERE state = 'pending'"));
        var undo = Assert.Single(reply.Suggestions, s => s.Value.StartsWith("撤销操作", StringComparison.Ordinal) || s.Value.StartsWith("undo", StringComparison.OrdinalIgnoreCase));
        await SayAsync(undo.Value, "sample-zonghe-lead");
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM extension_request WHERE state = 'pending'"));
    }

    [Fact]
    public async Task PushedOutByAWeek_AsksForTheTasksOwnDeadlineAWeekLater()
    {
        await SayAsync("T017 往后推一周吧，社区活动改期了", "sample-zonghe-lead");

        await using var connection = await services.Database.OpenAsync();
        var (oldDue, newDue) = await connection.QuerySingleAsync<(string, string)>("SELECT old_due_on, new_due_on FROM extension_request");
        Assert.Equal(DateOnly.Parse(oldDue).AddDays(7), DateOnly.Parse(newDue));
    }

    [Fact]
    public async Task TheCodesOfARealPlan_AreReadAsWritten_AndTheImportNamesThoseMadeOfNumbers()
    {
        await using var empty = await BotServices.CreateAsync(new FakeTimeProvider(December2), seedSample: false);
        var folder = Directory.CreateTempSubdirectory().FullName;
        var plan = PlanFiles.Xlsx(folder,
            [
                PlanFiles.Task("LP-1", "爱国卫生月活动", "爱卫科", "2026-12-10", owner: "高峰"),
                PlanFiles.Task("1.2", "农贸市场整治", "爱卫科", "2026-12-18", owner: "高峰"),
                PlanFiles.Task("3-1-2", "病媒生物监测", "爱卫科", "2027-01-08", owner: "高峰"),
                PlanFiles.Task("一.3", "健康教育进社区", "爱卫科", "2027-01-15", owner: "高峰"),
            ],
            [PlanFiles.Office("创卫办", "领导小组办公室"), PlanFiles.Office("爱卫科", "工作组")],
            [PlanFiles.Person("黄志刚", "创卫办", "协调员", "huang"), PlanFiles.Person("高峰", "爱卫科", "负责人", "gao")]);
        var imported = await empty.Get<PlanImporter>().ImportAsync(plan, "tester");
        Assert.Equal(["1.2", "3-1-2", "一.3"], imported.Summary!.NumberLikeCodes);

        Task<ChatReply> Say(string text) =>
            empty.Get<ChatCommandRouter>().HandleAsync(new ChatRequest(text, "gao", "msteams", "conv-gao", false, [], null), CancellationToken.None);

        Assert.Contains("LP-1", (await Say("查看 LP-1")).Items.Single().Title);
        Assert.Contains("1.2", (await Say("查看 1.2")).Items.Single().Title);
        Assert.Contains("3-1-2", (await Say("3-1-2 谁负责")).Items.Single().Title);
        Assert.Contains("LP-1", (await Say("LP-1 完成了吗")).Items.Single().Title);
        await Say("一.3 已经办完了");
        Assert.DoesNotContain("1.2", (await Say("我们已经完成了1.2万份问卷")).Header);

        await using var connection = await empty.Database.OpenAsync();
        var states = (await connection.QueryAsync<(string Code, string Status)>("SELECT code, status FROM task ORDER BY code")).ToDictionary(r => r.Code, r => r.Status);
        Assert.Equal("done", states["一.3"]);
        Assert.Equal("open", states["LP-1"]);
        Assert.Equal("open", states["1.2"]);
    }

    [Fact]
    public async Task TwoTasksInOneMessage_EachIsDone_AndEachHasItsOwnUndo()
    {
        var reply = await SayAsync("T014 和 T024 都弄完了");

        Assert.Equal("done", (await StateAsync("T014")).Status);
        Assert.Equal("done", (await StateAsync("T024")).Status);
        var undoT014 = Assert.Single(reply.Suggestions, s => s.Title == "撤销 T014");
        Assert.Single(reply.Suggestions, s => s.Title == "撤销 T024");

        await SayAsync(undoT014.Value);

        Assert.Equal("open", (await StateAsync("T014")).Status);
        Assert.Equal("done", (await StateAsync("T024")).Status);
    }

    [Fact]
    public async Task Undo_RestoresExactlyWhatTheMessageDid_AndBothStepsStayInTheAudit()
    {
        var before = await StateAsync("T014");
        var attachment = new EvidenceRepository.NewEvidence(EvidenceRepository.Kinds.Link, "活动照片", "https://example.org/photo", null, null);

        var done = await SayAsync("T014 已经弄完了，活动方案放群文件了", "sample-zonghe", [attachment]);
        var afterDone = await StateAsync("T014");
        Assert.Equal(("done", before.Evidence + 2), (afterDone.Status, afterDone.Evidence));

        var undo = Assert.Single(done.Suggestions, s => s.Title == "撤销 T014");
        var undone = await SayAsync(undo.Value, "sample-zonghe");

        Assert.Contains("恢复为未完成", undone.Header);
        Assert.Equal((before.Status, before.Evidence), ((await StateAsync("T014")).Status, (await StateAsync("T014")).Evidence));
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(["task.done", "change.undo"],
            await connection.QueryAsync<string>("SELECT action FROM audit WHERE entity = 'task' AND entity_key = 'T014' ORDER BY id"));

        // Pressed twice: the change is no longer the task's last word.
        Assert.Contains("不能再撤销", (await SayAsync(undo.Value, "sample-zonghe")).Header);
    }

    [Fact]
    public async Task UndoingAReopen_PutsBackWhoCompletedItAndWhen()
    {
        await using var connection = await services.Database.OpenAsync();
        var completed = await connection.QuerySingleAsync<(string DoneAt, long DoneBy)>("SELECT done_at, done_by FROM task WHERE code = 'T018'");

        var reopened = await SayAsync("T018 刚才点错了，请重开");
        Assert.Equal("open", (await StateAsync("T018")).Status);

        await SayAsync(Assert.Single(reopened.Suggestions, s => s.Title == "撤销 T018").Value);

        Assert.Equal(completed, await connection.QuerySingleAsync<(string, long)>("SELECT done_at, done_by FROM task WHERE code = 'T018'"));
    }

    [Fact]
    public async Task TheCommandForm_NeedsNoUndo_ButWordsDo()
    {
        var form = await SayAsync("完成 T024");
        var words = await SayAsync("T014 搞定了");

        Assert.DoesNotContain(form.Suggestions, s => s.Value.StartsWith("撤销操作", StringComparison.Ordinal));
        Assert.Contains(words.Suggestions, s => s.Value.StartsWith("撤销操作", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UndoingAnExtensionRequest_WithdrawsIt_AndTheCoordinatorsButtonsSaySo()
    {
        var asked = await SayAsync("T017 延到12月20号，社区活动改期", "sample-zonghe-lead");
        await SayAsync(Assert.Single(asked.Suggestions, s => s.Title == "撤销 T017").Value, "sample-zonghe-lead");

        await using var connection = await services.Database.OpenAsync();
        var (id, state) = await connection.QuerySingleAsync<(long, string)>("SELECT id, state FROM extension_request");
        Assert.Equal("withdrawn", state);
        Assert.Contains("撤回", (await SayAsync($"同意延期 {id}")).Header);
    }

    [Theory]
    [InlineData("您好，在吗", "您好")]
    [InlineData("谢谢啦，辛苦了", "不客气")]
    [InlineData("ok 收到，thx", "不客气")]
    [InlineData("收到", "好的")]
    [InlineData("thanks a lot!", "welcome")]
    public async Task SmallTalk_GetsAShortPoliteAnswer_AndIsNotAMiss(string text, string answer)
    {
        var reply = await SayAsync(text, "sample-zonghe");

        Assert.Contains(answer, reply.Header);
        Assert.NotEmpty(reply.Suggestions);
        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM understanding_miss"));
    }

    [Fact]
    public async Task WhatCanThisRobotDo_IsTheHelp_NotTheRobotsCommand()
    {
        var reply = await SayAsync("这个机器人都能干啥", "sample-zonghe");

        Assert.Contains("像平时说话一样问我就行", reply.Header);
    }

    [Fact]
    public async Task ATypoThatKeepsTheSound_IsReadAsMeant_WithAnUndo()
    {
        var reply = await SayAsync("T015已经完城了", "sample-xingzheng");

        Assert.Equal("done", (await StateAsync("T015")).Status);
        Assert.Contains(reply.Suggestions, s => s.Value.StartsWith("撤销操作", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATypoThatMayMeanAnotherWord_OnlyOffersTheChange()
    {
        // 弄晚了: "did it late", or 弄完了 typed with the wrong character? 晚 is a word of its own.
        var reply = await SayAsync("T015 弄晚了", "sample-xingzheng");

        Assert.Equal("open", (await StateAsync("T015")).Status);
        Assert.Contains(reply.Suggestions, s => s.Value == "完成 T015");
    }
}
