using System.Net;
using System.Text.Json.Nodes;
using CampaignBot.Board;
using CampaignBot.Tests.Support;
using Dapper;
using CampaignBot.Ledger.ReadModels.Board;

namespace CampaignBot.Tests.Board;

/// <summary>
/// Issue 23, item 4: /board/data sent every distinct evaluation item as a filter choice, 1.31 MB
/// for 100,000 items. Now each filter lists the most used choices (at most BoardChoices.ListLimit)
/// with their count, and GET /board/choices finds the others by a part of the name. Over the real
/// bot's HTTP and its real SQLite file, grown to 100,000 distinct items and 5,000 more offices.
/// </summary>
[Needs(Needs.Host)]
public sealed class BoardFilterChoicesTests(BoardFilterChoicesTests.GrownLedger grown) : IClassFixture<BoardFilterChoicesTests.GrownLedger>
{
    private const string Header = "X-Forwarded-User";

    /// <summary>The stated bound: the board as the page draws it, whatever the ledger holds.</summary>
    private const int MaxBoardBytes = 64 * 1024;

    private BotApplication app => grown.App;

    /// <summary>The bot with its ledger grown once for all the tests here (100,000 inserts take a while).</summary>
    public sealed class GrownLedger : IAsyncLifetime
    {
        public BotApplication App { get; } = new(new Dictionary<string, string?> { ["DirectLine:TrustedUserHeader"] = Header });

        public HttpClient Http { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Http = App.CreateClient(); // starts the host: migrations and the sample campaign first
            using var ledger = App.OpenLedger();
            // 100,000 tasks, each its own evaluation item (批量项目 1 … 100000), and 高频项目 0–4 with 300
            // tasks each (the most used); 5,000 offices that lead nothing (批量单位 1 … 5000).
            ledger.Execute(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 101500)
                INSERT INTO task (campaign_id, code, title, evaluation_item, lead_office_id, due_on, updated_at)
                SELECT (SELECT min(id) FROM campaign), 'Z' || i, '批量任务 ' || i,
                       CASE WHEN i <= 100000 THEN '批量项目 ' || i ELSE '高频项目 ' || (i % 5) END,
                       (SELECT min(id) FROM office), '2026-07-01', '2026-06-01T00:00:00.000Z'
                FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                INSERT INTO office (name, kind) SELECT '批量单位 ' || i, (SELECT kind FROM office LIMIT 1) FROM n;
                """);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await App.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheBoard_ListsTheMostUsedChoicesWithTheirCount_AndStaysSmall()
    {
        var response = await GetAsync("/board/data");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.Length < MaxBoardBytes, $"{body.Length:N0} bytes with 100,005 distinct items (was 1.31 MB)");
        var filters = JsonNode.Parse(body)!["filters"]!;
        using var ledger = app.OpenLedger();
        Assert.Equal(ledger.ExecuteScalar<int>("SELECT count(DISTINCT evaluation_item) FROM task"), filters["items"]!["count"]!.GetValue<int>());
        var items = filters["items"]!["listed"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        Assert.Equal(BoardChoices.ListLimit, items.Count);
        Assert.Subset(items.ToHashSet(), Enumerable.Range(0, 5).Select(i => "高频项目 " + i).ToHashSet()); // the most used are offered
        Assert.Equal(items.Order(StringComparer.Ordinal), items); // listed by name, to be found by eye
        Assert.DoesNotContain("批量项目 99999", items);

        Assert.Equal(ledger.ExecuteScalar<int>("SELECT count(*) FROM office"), filters["offices"]!["count"]!.GetValue<int>());
        var offices = filters["offices"]!["listed"]!.AsArray();
        Assert.Equal(BoardChoices.ListLimit, offices.Count);
        // Every office that leads a task is offered before one that leads none.
        Assert.Subset(
            offices.Select(o => o!["name"]!.GetValue<string>()).ToHashSet(),
            ledger.Query<string>("SELECT DISTINCT o.name FROM office o JOIN task t ON t.lead_office_id = o.id").ToHashSet());
    }

    [Fact]
    public async Task Search_FindsAChoiceBeyondTheCap_WithHowManyMatch()
    {
        var item = await ChoicesAsync("?kind=item&q=" + Uri.EscapeDataString("批量项目 99999"));
        Assert.Equal(1, item["count"]!.GetValue<int>());
        Assert.Equal(["批量项目 99999"], item["listed"]!.AsArray().Select(i => i!.GetValue<string>()));

        // "批量项目 9999" is in 11 names (9999, 99990 … 99999): all counted, as many listed as asked.
        var many = await ChoicesAsync("?kind=item&limit=5&q=" + Uri.EscapeDataString("批量项目 9999"));
        Assert.Equal(11, many["count"]!.GetValue<int>());
        Assert.Equal(5, many["listed"]!.AsArray().Count);

        // The most used first: 高频项目 0–4 (300 tasks each) before any 批量项目 (one each).
        var used = await ChoicesAsync("?kind=item&limit=5&q=" + Uri.EscapeDataString("项目"));
        Assert.All(used["listed"]!.AsArray(), i => Assert.StartsWith("高频项目", i!.GetValue<string>()));

        var office = await ChoicesAsync("?kind=office&q=" + Uri.EscapeDataString("批量单位 4999"));
        Assert.Equal(1, office["count"]!.GetValue<int>());
        var found = Assert.Single(office["listed"]!.AsArray())!;
        using var ledger = app.OpenLedger();
        Assert.Equal(ledger.ExecuteScalar<long>("SELECT id FROM office WHERE name = '批量单位 4999'"), found["id"]!.GetValue<long>());

        // Typed characters are plain text, not patterns.
        Assert.Equal(0, (await ChoicesAsync("?kind=item&q=%25"))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Search_RefusesWhatItCannotAnswerSmall()
    {
        foreach (var query in new[]
        {
            "?kind=item", "?kind=item&q=%20", "?kind=task&q=a", "?kind=item&q=a&limit=51", "?kind=item&q=a&limit=0",
            "?kind=item&q=" + new string('a', BoardChoices.MaxQueryLength + 1),
        })
        {
            Assert.True((await GetAsync("/board/choices" + query)).StatusCode == HttpStatusCode.BadRequest, query);
        }
    }

    [Fact]
    public async Task Search_IsForPeopleOfTheLedgerOnly()
    {
        var stranger = await GetAsync("/board/choices?kind=item&q=" + Uri.EscapeDataString("批量"), "evil-account");
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.DoesNotContain("批量项目", await stranger.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/board/choices?kind=item&q=a", null)).StatusCode);
    }

    private async Task<JsonNode> ChoicesAsync(string query)
    {
        var response = await GetAsync("/board/choices" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? account = "sample-coordinator")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (account is not null)
        {
            request.Headers.Add(Header, account);
        }

        return grown.Http.SendAsync(request);
    }
}
