using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Chat;

/// <summary>
/// Issue 27 end to end: the real host over HTTP (/api/messages), the real SQLite ledger and the local
/// OpenAI-compatible stand-in. The model's reading arrives as a button in the activity the channel
/// gets; sending the button's command, as a tap does, makes the request.
/// </summary>
[Needs(Needs.Host)]
public class ModelSuggestionOverHttpTests
{
    [Fact]
    public async Task TheButtonReachesTheChannel_AndItsCommandMakesTheRequest()
    {
        await using var model = await FakeLanguageModel.StartAsync();
        model.Content = _ => """{"readings":[{"intent":"extend","code":"T022","office":null,"person":null,"from":null,"to":"2026-07-31","reason":"血站那边排不开"}]}""";
        using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["Understanding:Model:Endpoint"] = model.Endpoint,
            ["Understanding:Model:Name"] = FakeLanguageModel.ModelName,
        });
        var http = app.CreateClient();
        const string command = "申请延期 T022 到 2026-07-31，理由：血站那边排不开";

        var offered = await app.PostMessageAsync(http, "sample-xingzheng-lead", "献血活动那个能不能宽限些日子呀 血站那边排不开");

        offered.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await offered.Content.ReadAsStringAsync())!;
        Assert.Contains(command, Strings(body));
        Assert.Empty(model.Problems);
        Assert.Equal(0, Requests(app));

        var tapped = await app.PostMessageAsync(http, "sample-xingzheng-lead", command);

        tapped.EnsureSuccessStatusCode();
        Assert.Equal(1, Requests(app));
        Assert.Single(model.Requests);
    }

    private static long Requests(BotApplication app)
    {
        using var ledger = app.OpenLedger();
        return ledger.ExecuteScalar<long>("SELECT COUNT(*) FROM extension_request r JOIN task t ON t.id = r.task_id WHERE t.code = 'T022'");
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
