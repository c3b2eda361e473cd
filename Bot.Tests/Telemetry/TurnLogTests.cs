using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Tests.Telemetry;

/// <summary>
/// The log of a real turn: what people write never appears at Information or above (an operator's
/// log is kept and shipped; the words are personal data), and every line of the turn names its
/// channel and its chat by a keyed hash, never the chat's id (except at Debug, asked for on purpose).
/// </summary>
public sealed class TurnLogTests
{
    /// <summary>Words nobody else writes, in the forms the bot reads: a task code and date, and gibberish it cannot read.</summary>
    private const string Understood = "T013 紫色长颈鹿 zqxj7731 下周五前完成吗";

    private const string NotUnderstood = "紫色长颈鹿 zqxj7731 飞过了操场";

    private const string ConversationId = "conv-zqxj7731-private";

    [Fact]
    [Needs(Needs.Host)]
    public async Task Turn_TheMessagesWords_AreNeverLoggedAtInformationOrAbove_AndEachLineCarriesTheHashedChat()
    {
        var logs = new LevelledLogs();
        using var app = new BotApplication(new Dictionary<string, string?>
        {
            // Everything logged, whatever appsettings.json turns down.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Quartz"] = "Trace",
        }) { LogProvider = logs };
        using var http = app.CreateClient();

        foreach (var text in new[] { Understood, NotUnderstood })
        {
            Assert.NotEmpty(await BotApplication.ReplyTextsAsync(await app.PostMessageAsync(http, "sample-zonghe", text, conversationId: ConversationId)));
        }

        var loud = logs.Entries.Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.NotEmpty(loud);
        Assert.Empty(loud.Where(e => e.Text.Contains("紫色长颈鹿", StringComparison.Ordinal) || e.Text.Contains("zqxj7731", StringComparison.Ordinal))
            .Select(e => $"{e.Level} {e.Category}: {e.Text}"));
        // The turn's lines carry its scope: the channel, and the chat as 12 hex digits, the same for both turns.
        var turnLines = logs.Entries.Where(e => e.Scopes.Any(s => s.ContainsKey("Conversation"))).ToList();
        Assert.True(turnLines.Count >= 2, "no line was logged inside a turn's scope");
        var scopes = turnLines.Select(e => e.Scopes.Single(s => s.ContainsKey("Conversation"))).ToList();
        Assert.All(scopes, s => Assert.Equal("test", s["Channel"]));
        var hash = Assert.Single(scopes.Select(s => (string)s["Conversation"]!).Distinct());
        Assert.Matches("^[0-9a-f]{12}$", hash);
        Assert.DoesNotContain(ConversationId, hash);
        // The chat's id itself only at Debug, for an operator looking for one chat.
        Assert.Empty(logs.Entries.Where(e => e.Level >= LogLevel.Information && e.Text.Contains(ConversationId, StringComparison.Ordinal)).Select(e => e.Text));
    }

    [Fact]
    [Needs(Needs.Process)]
    public async Task JsonFormat_TheBotAsPublished_WritesOneJsonObjectALineWithTheTurnsChannelAndHashedChat()
    {
        await using var database = await TestDatabase.CreateAsync();
        var port = BotProcess.FreePort();
        using var bot = BotProcess.Start(database, ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["Logging__Format"] = "json",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__CampaignBot"] = "Debug",
            ["DirectLine__Secret"] = "turn-log-tests-secret",
            ["MessagesEndpoint__AllowUnauthenticated"] = "true",
            ["MessagesEndpoint__UnauthenticatedServiceUrlHosts__0"] = "127.0.0.1",
        });
        var lines = new List<string>();
        var seen = new TaskCompletionSource();
        bot.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (e.Data.Contains("\"Conversation\"", StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        };
        bot.BeginOutputReadLine();
        try
        {
            using var http = await BotProcess.ServingAsync(port);
            var activity = Activities.Message("sample-zonghe", NotUnderstood, "test", ConversationId, isGroup: false);
            (await http.PostAsJsonAsync("api/messages", activity)).EnsureSuccessStatusCode();
            await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await BotProcess.KillAsync(bot);
        }

        List<JsonObject> entries;
        lock (lines)
        {
            entries = lines.Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        }

        var inTurn = entries.Where(e => e["Scopes"]!.AsArray().Any(s => s!["Conversation"] is not null)).ToList();
        Assert.NotEmpty(inTurn);
        var scope = inTurn[0]["Scopes"]!.AsArray().Single(s => s!["Conversation"] is not null)!;
        Assert.Equal("test", scope["Channel"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{12}$", scope["Conversation"]!.GetValue<string>());
        Assert.DoesNotContain(entries, e => e["LogLevel"]!.GetValue<string>() is not ("Debug" or "Trace") && e.ToJsonString().Contains("zqxj7731", StringComparison.Ordinal));
    }
}
