using System.Net;
using System.Text.Json.Nodes;
using CampaignBot.Board;
using CampaignBot.Tests.Support;
using Dapper;
using CampaignBot.Ledger.ReadModels.Board;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 12, point 5, from the attack as reported: /board/data gave the whole ledger (22 MB at
/// 100,000 tasks, 2 s) to any signed-in account, even one the ledger does not know. Now an unknown
/// account gets 403 and nothing of the ledger, and a known one gets what the page shows: counts
/// from the database and lists capped with their full counts, whatever the ledger's size.
/// </summary>
[Needs(Needs.Host)]
public sealed class BoardDataSecurityTests : IAsyncLifetime
{
    private const string Header = "X-Forwarded-User";
    private BotApplication app = null!;
    private HttpClient http = null!;

    public Task InitializeAsync()
    {
        // The intranet deployment of the report: a sign-on proxy names the account in a header.
        app = new BotApplication(new Dictionary<string, string?> { ["DirectLine:TrustedUserHeader"] = Header });
        http = app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task BoardData_AccountTheLedgerDoesNotKnow_Gets403AndNothingOfTheLedger()
    {
        var response = await GetAsync("evil-account");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("未关联台账中的人员", body);
        using var ledger = app.OpenLedger();
        foreach (var (code, title) in ledger.Query<(string, string)>("SELECT code, title FROM task"))
        {
            Assert.DoesNotContain(code, body);
            Assert.DoesNotContain(title, body);
        }

        Assert.DoesNotContain(ledger.Query<string>("SELECT name FROM office"), body.Contains);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(null)).StatusCode);
    }

    [Fact]
    public async Task BoardData_LedgerGrownToTensOfThousands_StaysTheSizeOfThePage_WithFullCounts()
    {
        var small = await (await GetAsync("sample-coordinator")).Content.ReadAsByteArrayAsync();
        var today = TestClock.Today.ToString("yyyy-MM-dd");
        using (var ledger = app.OpenLedger())
        {
            // 30,000 more tasks over five offices and 150 evaluation items, deadlines a month either side.
            ledger.Execute(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
                INSERT INTO task (campaign_id, code, title, evaluation_item, lead_office_id, due_on, updated_at)
                SELECT (SELECT min(id) FROM campaign), 'Z' || i, '批量任务 ' || i, '批量项目 ' || (i % 150),
                       (SELECT min(o.id) FROM office o WHERE o.id >= (SELECT min(id) FROM office) + i % 5), date(@Today, ((i % 61) - 30) || ' days'), '2026-06-01T00:00:00.000Z'
                FROM n
                """, new { Today = today });
        }

        var response = await GetAsync("sample-coordinator");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.Length < 64 * 1024, $"{body.Length} bytes for 30,037 tasks (the sample's 37 made {small.Length})");
        var board = JsonNode.Parse(body)!;
        using var check = app.OpenLedger();
        var overdue = check.ExecuteScalar<int>("SELECT count(*) FROM task WHERE status = 'open' AND due_on < @Today", new { Today = today });
        var nextDays = check.ExecuteScalar<int>("SELECT count(*) FROM task WHERE status = 'open' AND due_on >= @Today AND due_on < date(@Today, '+14 days')", new { Today = today });
        var items = check.ExecuteScalar<int>("SELECT count(DISTINCT evaluation_item) FROM task");
        Assert.Equal(overdue, board["overdue"]!["count"]!.GetValue<int>());
        Assert.Equal(BoardData.ListLimit, board["overdue"]!["tasks"]!.AsArray().Count);
        Assert.Equal(nextDays, board["nextDays"]!["count"]!.GetValue<int>());
        Assert.Equal(nextDays, board["nextDays"]!["perDay"]!.AsArray().Sum(d => d!.GetValue<int>()));
        Assert.Equal(BoardData.ListLimit, board["nextDays"]!["tasks"]!.AsArray().Count);
        Assert.Equal(items, board["items"]!["count"]!.GetValue<int>());
        Assert.Equal(BoardData.ItemLimit, board["items"]!["lines"]!.AsArray().Count);
        Assert.All(board["items"]!["lines"]!.AsArray(), i => Assert.Null(i!["tasks"]));
        Assert.Equal(check.ExecuteScalar<int>("SELECT count(*) FROM task"), board["totals"]!["total"]!.GetValue<int>());

        // One item opened: its first tasks and how many it has.
        var item = JsonNode.Parse(await (await GetAsync("sample-coordinator", "?item=" + Uri.EscapeDataString("批量项目 7"))).Content.ReadAsStringAsync())!;
        var line = Assert.Single(item["items"]!["lines"]!.AsArray())!;
        Assert.Equal(200, line["tasks"]!["count"]!.GetValue<int>());
        Assert.Equal(BoardData.ListLimit, line["tasks"]!["tasks"]!.AsArray().Count);
    }

    [Fact]
    public async Task BoardData_MemberOfAnOffice_SeesTheCampaign_AndIsToldTheirOwnOffice()
    {
        var board = JsonNode.Parse(await (await GetAsync("sample-zonghe")).Content.ReadAsStringAsync())!;

        Assert.Equal("综合组", board["viewer"]!["office"]!.GetValue<string>());
        Assert.False(board["viewer"]!["wholeCampaign"]!.GetValue<bool>());
        Assert.True(board["offices"]!.AsArray().Count > 1);
    }

    private Task<HttpResponseMessage> GetAsync(string? account, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/board/data" + query);
        if (account is not null)
        {
            request.Headers.Add(Header, account);
        }

        return http.SendAsync(request);
    }
}
