using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Browser;

/// <summary>
/// The progress board in headless Chromium (Browser/board.mjs) with the sample campaign: the numbers
/// it shows match the ledger (counted here with SQL of its own), a task marked done through the bot
/// shows on a refresh, and the office filter narrows it; and it fits a phone and a desk (PageLayout).
/// Screenshots: screenshots/board.png, board-390.png, board-1280.png, board-member-390.png, board-member-1280.png.
/// </summary>
[Needs(Needs.Browser)]
public sealed class BoardPageTests
{
    private sealed record OfficeRow(string Office, long Total, long Done, long Due, long Overdue);

    [Fact]
    public async Task TheBoard_ShowsTheLedgersNumbers_AndAChangeMadeInChat()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["DirectLine:SampleSignIn"] = "true" });
        var baseUrl = app.StartOnKestrel();
        Directory.CreateDirectory(WebChatPageTests.Screenshots);

        using var browser = NodeScript.Start("board.mjs", [baseUrl.ToString(), "sample-coordinator", WebChatPageTests.Screenshots], []);
        Assert.True(await browser.WaitForLineAsync("ready-for-change", TimeSpan.FromSeconds(90)), browser.Output);
        var before = Numbers(browser.Output, "numbers: ");
        AssertMatchesLedger(app, before);
        Assert.Equal(2, before["charts"]!.GetValue<int>());
        var opened = Numbers(browser.Output, "item-tasks: ");
        using (var ledger = app.OpenLedger())
        {
            // Each task with its deadline, but a recurring duty's open occurrences after today are one line per duty.
            var (listable, folded) = ledger.QuerySingle<(long, long)>(
                """
                SELECT sum(NOT (series_code IS NOT NULL AND status = 'open' AND due_on > @Today)),
                       count(DISTINCT CASE WHEN series_code IS NOT NULL AND status = 'open' AND due_on > @Today THEN series_code END)
                FROM task WHERE evaluation_item = @Item
                """, new { Item = opened["item"]!.GetValue<string>(), Today = TestClock.Today.ToString("yyyy-MM-dd") });
            Assert.Equal(Math.Min(listable, 50) + (listable > 50 ? 1 : 0) + folded, opened["listed"]!.GetValue<long>());
            var lines = opened["lines"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
            Assert.All(lines.Take((int)Math.Min(listable, 50)), l => Assert.Matches(@"\d+月\d+日截止", l));
            Assert.Equal(folded, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @" · 下次 \d+月\d+日")));
        }

        var binder = Numbers(browser.Output, "binder: ");
        Assert.True(binder["visible"]!.GetValue<bool>() && binder["zip"]!.GetValue<bool>(), binder.ToJsonString());
        Assert.Equal(200, binder["status"]!.GetValue<int>());

        // 张伟 marks T014 (综合组's, due tomorrow) done in chat; the board shows it on its next refresh.
        using var http = new HttpClient { BaseAddress = baseUrl };
        var reply = await BotApplication.ReplyTextsAsync(await app.PostMessageAsync(http, "sample-zonghe", "完成 T014"));
        Assert.Contains(reply, r => r.StartsWith("已完成：T014", StringComparison.Ordinal));
        await browser.WriteLineAsync("changed");

        Assert.True(await browser.ExitedAsync(TimeSpan.FromSeconds(60)) == 0, browser.Output);
        var after = Numbers(browser.Output, "numbers-after: ");
        AssertMatchesLedger(app, after);
        Assert.Equal(Office(before, "综合组")["done"]!.GetValue<string>(), (int.Parse(Office(after, "综合组")["done"]!.GetValue<string>()) - 1).ToString());
        Assert.DoesNotContain(after["nextDays"]!.AsArray(), c => c!.GetValue<string>() == "T014");

        var filtered = Numbers(browser.Output, "filtered: ");
        Assert.Equal(["综合组"], filtered["offices"]!.AsArray().Select(o => o!["office"]!.GetValue<string>()));
        Assert.True(new FileInfo(Path.Combine(WebChatPageTests.Screenshots, "board.png")).Length > 20_000);
        // On a phone (390×844) and a desk (1280×800): one column on the phone, nothing wider than the screen, dates whole.
        PageLayout.AssertFits(browser.Output, "board");
    }

    [Fact]
    public async Task TheBoard_OpensOnAMembersOwnOffice_AndShowsTheCampaignOnRequest()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["DirectLine:SampleSignIn"] = "true" });
        var baseUrl = app.StartOnKestrel();
        Directory.CreateDirectory(WebChatPageTests.Screenshots);

        using (var grow = app.OpenLedger())
        {
            // A title as long as real ones ("WS-34-261204 每周五爱国卫生清…"), overdue, for 综合组: beside it
            // at a desk the deadline column used to wrap ("11月24/日").
            grow.Execute(
                """
                INSERT INTO task (campaign_id, code, title, evaluation_item, lead_office_id, due_on, updated_at)
                SELECT (SELECT min(id) FROM campaign), 'WS-34-261204', '每周五爱国卫生清洁日：机关办公区域、公共区域和周边环境卫生集中整治，检查结果汇总后报送创建办并在门户网站公示',
                       '爱国卫生', (SELECT id FROM office WHERE name = '综合组'), date(@Today, '-3 days'), '2026-06-01T00:00:00.000Z'
                """, new { Today = TestClock.Today.ToString("yyyy-MM-dd") });
        }

        using var browser = NodeScript.Start("board-member.mjs", [baseUrl.ToString(), "sample-zonghe", WebChatPageTests.Screenshots], []);

        Assert.True(await browser.ExitedAsync(TimeSpan.FromSeconds(90)) == 0, browser.Output);
        var opened = Numbers(browser.Output, "opened: ");
        Assert.Equal("综合组", opened["chosen"]!.GetValue<string>());
        Assert.False(opened["binderVisible"]!.GetValue<bool>());
        Assert.Equal(["综合组"], opened["offices"]!.AsArray().Select(o => o!.GetValue<string>()));
        using var ledger = app.OpenLedger();
        Assert.Equal(
            ledger.Query<string>("SELECT DISTINCT o.name FROM task t JOIN office o ON o.id = t.lead_office_id ORDER BY o.id"),
            Numbers(browser.Output, "everything: ")["offices"]!.AsArray().Select(o => o!.GetValue<string>()));
        PageLayout.AssertFits(browser.Output, "board-member");
    }

    [Fact]
    public async Task AnItemBeyondTheFiltersCap_IsFoundBySearch_AndChosen()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["DirectLine:SampleSignIn"] = "true" });
        var baseUrl = app.StartOnKestrel();
        Directory.CreateDirectory(WebChatPageTests.Screenshots);
        using (var ledger = app.OpenLedger())
        {
            // 150 more items, one task each: more than the filter lists (BoardChoices.ListLimit).
            ledger.Execute(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
                INSERT INTO task (campaign_id, code, title, evaluation_item, lead_office_id, due_on, updated_at)
                SELECT (SELECT min(id) FROM campaign), 'Z' || i, '批量任务 ' || i, '批量项目 ' || i,
                       (SELECT min(id) FROM office), '2026-07-01', '2026-06-01T00:00:00.000Z'
                FROM n
                """);
        }

        using var browser = NodeScript.Start("board-search.mjs", [baseUrl.ToString(), "sample-coordinator", WebChatPageTests.Screenshots, "批量项目 99"], []);

        Assert.True(await browser.ExitedAsync(TimeSpan.FromSeconds(90)) == 0, browser.Output);
        var offered = Numbers(browser.Output, "offered: ");
        Assert.Equal(CampaignBot.Ledger.ReadModels.Board.BoardChoices.ListLimit, offered["listed"]!.GetValue<int>());
        Assert.True(offered["visible"]!.GetValue<bool>());
        Assert.False(offered["alreadyListed"]!.GetValue<bool>()); // one task, and after 批量项目 40 by name: beyond the cap
        using var check = app.OpenLedger();
        var rest = check.ExecuteScalar<int>("SELECT count(DISTINCT evaluation_item) FROM task") - CampaignBot.Ledger.ReadModels.Board.BoardChoices.ListLimit;
        Assert.Equal($"搜索其余 {rest} 个", offered["placeholder"]!.GetValue<string>());
        var chosen = Numbers(browser.Output, "chosen: ");
        Assert.Contains("批量项目 99", chosen["found"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("批量项目 99", chosen["item"]!.GetValue<string>());
        Assert.Equal(["批量项目 99"], chosen["items"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    private static JsonObject Numbers(string output, string prefix) =>
        JsonNode.Parse(output.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..])!.AsObject();

    private static JsonNode Office(JsonObject numbers, string name) =>
        numbers["offices"]!.AsArray().Single(o => o!["office"]!.GetValue<string>() == name)!;

    /// <summary>The page against the ledger, counted independently of the board's own code.</summary>
    private static void AssertMatchesLedger(BotApplication app, JsonObject shown)
    {
        var today = TestClock.Today.ToString("yyyy-MM-dd");
        using var ledger = app.OpenLedger();
        var offices = ledger.Query<OfficeRow>(
            """
            SELECT o.name AS Office, count(*) AS Total, sum(t.status = 'done') AS Done, sum(t.due_on <= @Today) AS Due,
                   sum(t.status = 'open' AND t.due_on < @Today) AS Overdue
            FROM task t JOIN office o ON o.id = t.lead_office_id GROUP BY o.id ORDER BY o.id
            """, new { Today = today }).ToList();
        Assert.Equal(
            offices.Select(o => $"{o.Office} {o.Done}/{o.Due}/{o.Total} {o.Overdue}"),
            shown["offices"]!.AsArray().Select(o => $"{o!["office"]} {o["done"]}/{o["due"]}/{o["total"]} {o["overdue"]}"));
        Assert.Equal(
            [offices.Sum(o => o.Total), offices.Sum(o => o.Done), offices.Sum(o => o.Due), offices.Sum(o => o.Overdue)],
            shown["totals"]!.AsArray().Select(n => (long)n!.GetValue<double>()));

        var overdue = ledger.Query<(string Code, long Late)>(
            "SELECT code, julianday(@Today) - julianday(due_on) FROM task WHERE status = 'open' AND due_on < @Today ORDER BY due_on, code", new { Today = today });
        Assert.Equal(overdue.Select(o => $"{o.Code} {o.Late}"), shown["overdue"]!.AsArray().Select(o => $"{o!["code"]} {o["daysLate"]}"));

        // Missing evidence: tasks due by today (or done) that have none; a task not yet due is no gap.
        var items = ledger.Query<(string Item, long Total, long Done, long WithEvidence, long Gaps)>(
            """
            SELECT evaluation_item, count(*), sum(status = 'done'), sum(EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = t.id)),
                   sum((due_on <= @Today OR status = 'done') AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = t.id))
            FROM task t GROUP BY evaluation_item ORDER BY evaluation_item
            """, new { Today = today });
        Assert.Equal(
            items.Select(i => $"{i.Item} {i.Done}/{i.Total} {i.WithEvidence} {i.Gaps}").Order(StringComparer.Ordinal),
            shown["items"]!.AsArray().Select(i => $"{i!["item"]} {i["done"]}/{i["total"]} {i["evidence"]} {i["gaps"]}").Order(StringComparer.Ordinal));
    }
}
