using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using CampaignBot.WeCom;
using Dapper;

namespace CampaignBot.Tests.WeCom;

/// <summary>
/// WeCom's HTTP callback mode end to end, with the token and EncodingAESKey of the official sample's
/// published vector: the URL check answers the bare echo, a quick turn is answered in the response
/// (encrypted, signed, with its card), a slower one is acknowledged with an empty 200 and answered
/// through its response url on the stand-in, a retried
/// callback is answered once, and anything unsigned or for another host changes and calls nothing.
/// </summary>
[Needs(Needs.Host)]
public class WeComCallbackTests : IAsyncLifetime
{
    private const string Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    private const string EncodingAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly AnchoredTimeProvider time = new(TestClock.Start.AddSeconds(5));
    private readonly WeComCrypto weComSide = new(Token, EncodingAesKey, receiveId: "");
    private FakeWeCom weCom = null!;
    private BotApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        weCom = await FakeWeCom.StartAsync();
        var settings = weCom.Settings("Callback");
        settings["WeCom:Token"] = Token;
        settings["WeCom:EncodingAESKey"] = EncodingAesKey;
        // As if every turn took longer than WeCom waits: answered through the response url. The quick
        // turn's answer in the response itself has its own test.
        settings["WeCom:CallbackReplyWaitMilliseconds"] = "0";
        app = new BotApplication(settings, time);
        client = app.CreateClient();
        await using var ledger = app.OpenLedger();
        await ledger.ExecuteAsync(
            "UPDATE person SET wecom_user_id = 'liming' WHERE name = '李明'");
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await weCom.DisposeAsync();
    }

    /// <summary>What WeCom posts: {"encrypt"} with msg_signature, timestamp and nonce in the query.</summary>
    private Task<HttpResponseMessage> PostAsync(JsonObject message, string? signature = null)
    {
        var encrypt = weComSide.Encrypt(message.ToJsonString());
        const string timestamp = "1781485200";
        const string nonce = "1597212914";
        var sign = signature ?? weComSide.Sign(timestamp, nonce, encrypt);
        return client.PostAsJsonAsync($"/api/wecom?msg_signature={sign}&timestamp={timestamp}&nonce={nonce}", new { encrypt });
    }

    [Fact]
    public async Task UrlCheck_AnswersTheBareDecryptedEcho_AndRefusesABadSignature()
    {
        var echo = weComSide.Encrypt("6386612945185214617");
        var sign = weComSide.Sign("1476416373", "47744683", echo);

        var response = await client.GetAsync($"/api/wecom?msg_signature={sign}&timestamp=1476416373&nonce=47744683&echostr={Uri.EscapeDataString(echo)}");
        var refused = await client.GetAsync($"/api/wecom?msg_signature={new string('0', 40)}&timestamp=1476416373&nonce=47744683&echostr={Uri.EscapeDataString(echo)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("6386612945185214617", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Message_IsAcknowledgedAtOnce_AndAnsweredThroughItsResponseUrl()
    {
        var clock = Stopwatch.StartNew();
        var response = await PostAsync(weCom.Text("cb-q1", "liming", "本周到期"));
        var acknowledged = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.True(acknowledged < TimeSpan.FromSeconds(5), $"acknowledged after {acknowledged}");
        await Eventually.WaitAsync(() => weCom.Responses.Any(r => r.Code == "rc-cb-q1"), Patience);
        var (_, body) = Assert.Single(weCom.Responses);
        Assert.Equal("markdown", body["msgtype"]!.GetValue<string>());
        var markdown = body["markdown"]!["content"]!.GetValue<string>();
        Assert.Contains("**T013 测评资料收集整理与台账装订（第一批）**", markdown);
        Assert.True(Encoding.UTF8.GetByteCount(markdown) <= 4096);
        Assert.Empty(weCom.Refusals);
    }

    [Fact]
    public async Task AQuickTurn_IsAnsweredInTheResponse_EncryptedAndSigned_WithItsCard()
    {
        var settings = weCom.Settings("Callback");
        settings["WeCom:Token"] = Token;
        settings["WeCom:EncodingAESKey"] = EncodingAesKey;
        await using var quick = new BotApplication(settings, time);
        using var quickClient = quick.CreateClient();
        var encrypt = weComSide.Encrypt(weCom.Text("cb-quick", "stranger", "本周到期").ToJsonString());
        var sign = weComSide.Sign("1781485200", "42", encrypt);

        var clock = Stopwatch.StartNew();
        var response = await quickClient.PostAsJsonAsync($"/api/wecom?msg_signature={sign}&timestamp=1781485200&nonce=42", new { encrypt });

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed}");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var (replyEncrypt, timestamp, nonce) = (body["encrypt"]!.GetValue<string>(), body["timestamp"]!.GetValue<string>(), body["nonce"]!.GetValue<string>());
        Assert.True(weComSide.IsSigned(body["msgsignature"]!.GetValue<string>(), timestamp, nonce, replyEncrypt));
        var reply = JsonNode.Parse(weComSide.Decrypt(replyEncrypt))!;
        Assert.Equal("stream_with_template_card", reply["msgtype"]!.GetValue<string>());
        Assert.Contains("**T013 ", reply["stream"]!["content"]!.GetValue<string>());
        Assert.Contains(reply["template_card"]!["button_list"]!.AsArray(), b => b!["key"]!.GetValue<string>() == "完成 T013");
        Assert.Empty(weCom.Responses);
    }

    [Fact]
    public async Task ACallbackRetried_IsHandledOnce()
    {
        var message = weCom.Text("cb-done", "liming", "完成 T013");

        await PostAsync(message);
        await PostAsync(message);
        await PostAsync(message);
        await Eventually.WaitAsync(() => weCom.Responses.Any(r => r.Code == "rc-cb-done"), Patience);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Single(weCom.Responses);
        Assert.Empty(weCom.Refusals);
        await using var ledger = app.OpenLedger();
        Assert.Equal("done", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
        Assert.Equal(1, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM audit WHERE entity_key = 'T013'"));
    }

    [Fact]
    public async Task AnUnsignedMessage_IsRefused_AndChangesNothing()
    {
        var response = await PostAsync(weCom.Text("cb-forged", "liming", "完成 T013"), signature: new string('a', 40));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Empty(weCom.Responses);
        await using var ledger = app.OpenLedger();
        Assert.Equal("open", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
    }

    [Fact]
    public async Task AResponseUrlOnAnotherHost_IsNotCalled()
    {
        var message = weCom.Text("cb-elsewhere", "liming", "本周到期");
        message["response_url"] = "http://127.0.0.2:9/cgi-bin/aibot/response?response_code=x";

        var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var ledger = app.OpenLedger();
        await Eventually.WaitAsync(() => ledger.ExecuteScalar<int>("SELECT count(*) FROM wecom_message WHERE msg_id = 'cb-elsewhere' AND handled_at IS NOT NULL") == 1, Patience);
        Assert.Empty(weCom.Responses);
    }

    [Fact]
    public async Task AMessageClaimingToComeFromWeCom_ThroughApiMessages_IsRefused()
    {
        var activity = Activities.Message("liming", "完成 T013", "wecom", "wrkGroup01", true);

        var response = await client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var ledger = app.OpenLedger();
        Assert.Equal("open", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
    }
}
