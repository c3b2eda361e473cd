using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.WeCom;

/// <summary>
/// WeCom's long connection end to end: the real host opens the stand-in's WebSocket, subscribes with
/// the bot's id and secret, answers a group's question under the callback's req_id as markdown with a
/// button card, runs a pressed button's command, keeps the connection with pings, and comes back after
/// a dropped socket or another connection's take-over; a msgid delivered twice is answered once.
/// </summary>
[Needs(Needs.Host)]
public class WeComLongConnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly AnchoredTimeProvider time = new(TestClock.Start.AddSeconds(5));
    private FakeWeCom weCom = null!;

    public async Task InitializeAsync() => weCom = await FakeWeCom.StartAsync();

    public async Task DisposeAsync() => await weCom.DisposeAsync();

    private async Task<BotApplication> StartAsync(IDictionary<string, string?>? more = null)
    {
        var settings = weCom.Settings("LongConnection");
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new BotApplication(settings, time);
        _ = app.Services; // starts the host, and with it the connection
        // 李明 leads 综合组, a co-office of T013; his WeCom userid (the 人员 sheet's 企业微信ID) speaks for him in WeCom.
        await using var ledger = app.OpenLedger();
        await ledger.ExecuteAsync(
            "UPDATE person SET wecom_user_id = 'liming' WHERE name = '李明'");
        return app;
    }

    private (string ReqId, JsonObject Body) ReplyTo(string reqId) => Assert.Single(weCom.Responds, r => r.ReqId == reqId);

    [Fact]
    public async Task GroupQuestion_IsAnsweredUnderItsReqId_AsMarkdownWithAButtonCard()
    {
        await using var app = await StartAsync();
        await weCom.WaitConnectedAsync(1, Patience);

        var reqId = await weCom.PushMessageAsync(weCom.Text("msg-q1", "liming", "本周到期"));

        await Eventually.WaitAsync(() => weCom.Responds.Any(r => r.ReqId == reqId), Patience);
        var (_, body) = ReplyTo(reqId);
        Assert.Equal("stream_with_template_card", body["msgtype"]!.GetValue<string>());
        Assert.True(body["stream"]!["finish"]!.GetValue<bool>());
        var markdown = body["stream"]!["content"]!.GetValue<string>();
        Assert.Contains("**T013 测评资料收集整理与台账装订（第一批）**", markdown);
        Assert.True(Encoding.UTF8.GetByteCount(markdown) <= 20_480);
        var keys = body["template_card"]!["button_list"]!.AsArray().Select(b => b!["key"]!.GetValue<string>()).ToList();
        Assert.Contains("完成 T013", keys);
        Assert.Empty(weCom.Refusals);

        await using var ledger = app.OpenLedger();
        Assert.Equal(1, await ledger.ExecuteScalarAsync<int>("SELECT is_group FROM conversation WHERE channel_id = 'wecom' AND conversation_id = 'wrkGroup01'"));
    }

    [Fact]
    public async Task PressedButton_RunsItsCommand_AndMarksTheTaskDone()
    {
        await using var app = await StartAsync();
        await weCom.WaitConnectedAsync(1, Patience);
        var listed = await weCom.PushMessageAsync(weCom.Text("msg-list", "liming", "本周到期"));
        await Eventually.WaitAsync(() => weCom.Responds.Any(r => r.ReqId == listed), Patience);
        var card = ReplyTo(listed).Body["template_card"]!;
        var done = card["button_list"]!.AsArray().First(b => b!["key"]!.GetValue<string>() == "完成 T013")!;

        // What WeCom sends when 李明 presses it: the button's key in a template_card_event.
        await weCom.PushEventAsync(weCom.ButtonClick("msg-click", "liming", done["key"]!.GetValue<string>(), card["task_id"]!.GetValue<string>()));

        await Eventually.WaitAsync(() => weCom.SentMessages.Any(m => m["chatid"]!.GetValue<string>() == "wrkGroup01"), Patience);
        Assert.Contains("T013", string.Join("\n", weCom.SentMessages.Select(m => m.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))));
        await using var ledger = app.OpenLedger();
        Assert.Equal("done", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
        Assert.Equal(("李明", "liming", "wecom"), await ledger.QuerySingleAsync<(string, string, string)>(
            "SELECT p.name, a.actor_account, a.channel_id FROM audit a JOIN person p ON p.id = a.actor_person_id WHERE a.entity_key = 'T013' ORDER BY a.id DESC LIMIT 1"));
        Assert.Empty(weCom.Refusals);
    }

    [Fact]
    public async Task ALongList_IsAnsweredInParts_EachWithinWeComsLimits()
    {
        await using var app = await StartAsync();
        await using (var ledger = app.OpenLedger())
        {
            // Forty more tasks due with T013, each with a title of 3,000 bytes: the fifteen a list shows hold far more than one message.
            await ledger.ExecuteAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
                INSERT INTO task (campaign_id, code, title, lead_office_id, due_on, updated_at)
                SELECT t.campaign_id, 'L' || printf('%03d', n.i), '长标题' || n.i || substr(replace(hex(zeroblob(1000)), '00', '很'), 1, 1000), t.lead_office_id, t.due_on, t.updated_at
                FROM n, task t WHERE t.code = 'T013'
                """);
        }

        await weCom.WaitConnectedAsync(1, Patience);
        var reqId = await weCom.PushMessageAsync(weCom.Text("msg-long", "liming", "全部本周到期"));

        await Eventually.WaitAsync(() => weCom.Responds.Any(r => r.ReqId == reqId) && weCom.SentMessages.Count >= 2, Patience);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var first = ReplyTo(reqId).Body["stream"]!["content"]!.GetValue<string>();
        var more = weCom.SentMessages.Where(m => m["chatid"]!.GetValue<string>() == "wrkGroup01").Select(m => m["markdown"]!["content"]!.GetValue<string>()).ToList();
        Assert.True(Encoding.UTF8.GetByteCount(first) <= 20_480);
        Assert.All(more, m => Assert.True(Encoding.UTF8.GetByteCount(m) <= 4_096));
        // Every listed task once, none cut in two: 15 entries (the list's most) across the parts.
        var entries = more.Prepend(first).SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p, @"\*\*(?<code>[LT]\d{3}) ").Select(m => m.Groups["code"].Value)).ToList();
        Assert.Equal(15, entries.Count);
        Assert.Equal(entries.Count, entries.Distinct().Count());
        Assert.Empty(weCom.Refusals);
    }

    [Fact]
    public async Task Pings_KeepTheConnection()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["WeCom:PingIntervalSeconds"] = "1" });
        await weCom.WaitConnectedAsync(1, Patience);

        await Eventually.WaitAsync(() => weCom.Pings >= 3, Patience);

        Assert.Equal(1, weCom.Connections);
        Assert.Empty(weCom.Refusals);
    }

    [Fact]
    public async Task UnansweredPings_MakeTheBotReconnect()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["WeCom:PingIntervalSeconds"] = "1" });
        await weCom.WaitConnectedAsync(1, Patience);

        // The connection stays open but WeCom no longer answers (a dead route that never closes).
        weCom.IgnorePings = true;

        await weCom.WaitConnectedAsync(2, Patience);
    }

    [Fact]
    public async Task DroppedSocket_Reconnects_AndTheNextMessageIsAnswered()
    {
        await using var app = await StartAsync();
        await weCom.WaitConnectedAsync(1, Patience);

        weCom.Drop();
        await weCom.WaitConnectedAsync(2, Patience);
        var reqId = await weCom.PushMessageAsync(weCom.Text("msg-after-drop", "liming", "本周到期"));

        await Eventually.WaitAsync(() => weCom.Responds.Any(r => r.ReqId == reqId), Patience);
    }

    [Fact]
    public async Task TakenOverByAnotherConnection_ComesBackAfterThePause()
    {
        await using var app = await StartAsync();
        await weCom.WaitConnectedAsync(1, Patience);

        await weCom.TakeOverAsync();
        await weCom.WaitConnectedAsync(2, Patience);
        var reqId = await weCom.PushMessageAsync(weCom.Text("msg-after-takeover", "liming", "本周到期"));

        await Eventually.WaitAsync(() => weCom.Responds.Any(r => r.ReqId == reqId), Patience);
    }

    [Fact]
    public async Task AMsgIdDeliveredTwice_IsAnsweredOnce()
    {
        await using var app = await StartAsync();
        await weCom.WaitConnectedAsync(1, Patience);

        var first = await weCom.PushMessageAsync(weCom.Text("msg-twice", "liming", "完成 T013"));
        await Eventually.WaitAsync(() => weCom.Responds.Any(r => r.ReqId == first), Patience);
        var second = await weCom.PushMessageAsync(weCom.Text("msg-twice", "liming", "完成 T013"));
        var control = await weCom.PushMessageAsync(weCom.Text("msg-control", "liming", "本周到期"));
        await Eventually.WaitAsync(() => weCom.Responds.Any(r => r.ReqId == control), Patience);

        Assert.DoesNotContain(weCom.Responds, r => r.ReqId == second);
        await using var ledger = app.OpenLedger();
        Assert.Equal(1, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM audit WHERE entity_key = 'T013'"));
    }

    [Fact]
    public async Task WrongSecret_NeverSubscribes()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["WeCom:BotSecret"] = "not-the-secret" });

        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(0, weCom.Connections);
    }

    [Fact]
    public async Task NoBotId_ChannelIsOff()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["WeCom:BotId"] = "" });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/wecom", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/wecom?echostr=x")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, weCom.Connections);
    }
}
