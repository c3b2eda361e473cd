using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 25, "Terminal escapes reach the operator": sequences sent in chat were stored as sent, and a
/// DingTalk file name with ESC and CR reached the log raw. What is kept and what is logged now has
/// no control characters (the words around them stay).
/// </summary>
[Needs(Needs.Host)]
public sealed class ControlCharactersInChatTests : IAsyncLifetime
{
    private readonly AnchoredTimeProvider time = new(TestClock.Start.AddSeconds(5));
    private readonly CapturedLogs logs = new();
    private FakeDingTalk dingTalk = null!;
    private BotApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        dingTalk = await FakeDingTalk.StartAsync();
        var settings = dingTalk.Settings("Http");
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Evidence:MaxAttempts"] = "1";
        app = new BotApplication(settings, time) { Logs = logs };
        client = app.CreateClient();
        await using var ledger = app.OpenLedger();
        await ledger.ExecuteAsync("UPDATE person SET dingtalk_user_id = 'liming01' WHERE name = '李明'");
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await dingTalk.DisposeAsync();
    }

    [Fact]
    public async Task ADingTalkFileNameWithEscAndCr_IsKeptAndLoggedWithoutThem()
    {
        // A file DingTalk will not hand over (no such download code): the bot logs that it could not fetch it, by name.
        var file = dingTalk.Message("msg-file", "liming01", "", conversationId: "cidLiMing1to1==", group: false);
        file["msgtype"] = "file";
        file["content"] = new JsonObject { ["downloadCode"] = "code-gone", ["fileName"] = "台账\u001b[2J\u001b[31m\r\nERROR forged.pdf" };

        await PostAsync(file);
        await PostAsync(dingTalk.Message("msg-done", "liming01", "完成 T013", conversationId: "cidLiMing1to1==", group: false));

        await using var ledger = app.OpenLedger();
        Assert.Equal("台账 ERROR forged.pdf", await ledger.ExecuteScalarAsync<string>("SELECT original_name FROM evidence_file"));
        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("台账 ERROR forged.pdf", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('\u001b') || l.Contains("forged.pdf", StringComparison.Ordinal) && l.Contains('\r'));
    }

    [Fact]
    public async Task EscapeSequencesInAWebChatMessage_AreNeitherInTheTranscriptNorInTheNote()
    {
        var zhang = await DirectLineSession.StartAsync(app, client, "sample-zonghe");

        await DirectLineSession.ReadAsync(await zhang.PostTextAsync("完成 T024 \u001b[2J\u001b[31mFAKE ALERT\u001b]0;pwned\u0007 已发放"));

        await using var ledger = app.OpenLedger();
        var kept = string.Join("\n", await ledger.QueryAsync<string>("SELECT json FROM directline_activity"))
            + string.Join("\n", await ledger.QueryAsync<string>("SELECT COALESCE(note, '') || COALESCE(name, '') FROM evidence"))
            + string.Join("\n", await ledger.QueryAsync<string>("SELECT COALESCE(before_json, '') || COALESCE(after_json, '') FROM audit"));
        Assert.Contains("FAKE ALERT 已发放", kept);
        Assert.DoesNotContain("\\u001b", kept, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\u001b', kept);
        Assert.DoesNotContain("pwned", kept);
        Assert.Equal("done", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T024'"));
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject message) => client.SendAsync(FakeDingTalk.Callback(message, time.GetUtcNow().ToUnixTimeMilliseconds()));
}
