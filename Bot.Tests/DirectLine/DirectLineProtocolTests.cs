using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.DirectLine;

/// <summary>
/// The embedded Direct Line 3.0 channel with a plain HTTP client over real Kestrel: the happy path
/// (token, conversation, post, poll, stream) and each refusal, checked to change nothing.
/// </summary>
[Needs(Needs.Host)]
public sealed class DirectLineProtocolTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = TestClock.Create();
    private BotApplication app = null!;
    private HttpClient http = null!;

    public Task InitializeAsync()
    {
        app = new BotApplication(new Dictionary<string, string?> { ["DirectLine:MaxUploadMegabytes"] = "1" }, time);
        http = new HttpClient { BaseAddress = app.StartOnKestrel() };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    /// <summary>Everything the channel and the ledger hold that a refused request must not change.</summary>
    private string Snapshot()
    {
        using var ledger = app.OpenLedger();
        return string.Join("\n",
            ledger.Query<string>("SELECT watermark || ':' || conversation_id FROM directline_activity ORDER BY watermark").Concat(
            ledger.Query<string>("SELECT code || ':' || status FROM task ORDER BY code")).Concat(
            ledger.Query<string>("SELECT id || ':' || task_id FROM evidence ORDER BY id")).Concat(
            ledger.Query<string>("SELECT id FROM directline_attachment ORDER BY id")).Concat(
            Directory.Exists(Path.Combine(app.Folder, "attachments")) ? Directory.GetFiles(Path.Combine(app.Folder, "attachments")) : []));
    }

    [Fact]
    public async Task ATokenFromTheSecret_StartsAConversation_TheBotGreetsAndAnswers_ByPollingAndByStream()
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");

        var posted = await DirectLineSession.ReadAsync(await session.PostTextAsync("本周到期"));
        Assert.StartsWith(session.ConversationId + "|", posted["id"]!.GetValue<string>());

        var (activities, watermark) = await session.ActivitiesAsync();
        var echo = activities.Single(a => a!["from"]!["role"]!.GetValue<string>() == "user");
        Assert.Equal("sample-zonghe", echo!["from"]!["id"]!.GetValue<string>());
        var texts = await session.BotTextsAsync();
        Assert.Contains(texts, t => t.Contains("发送「帮助」"));
        Assert.Contains(texts, t => t.Contains("到期（综合组）：2 项"));

        // Nothing new after the last watermark.
        Assert.Empty((await session.ActivitiesAsync(watermark)).Activities);

        // The stream sends everything after the watermark it is opened at, then what comes next.
        var reconnect = await DirectLineSession.ReadAsync(await session.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark={watermark}"));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(reconnect["streamUrl"]!.GetValue<string>()), CancellationToken.None);
        await session.PostTextAsync("逾期");
        var streamed = new List<JsonNode>();
        while (!streamed.Any(a => a["from"]!["role"]!.GetValue<string>() == "bot"))
        {
            var set = await ReceiveAsync(socket);
            streamed.AddRange(set["activities"]!.AsArray().Select(a => a!));
        }

        Assert.Equal("逾期", streamed[0]["text"]!.GetValue<string>());
        Assert.Contains("逾期", streamed.Last()["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExpiredToken_Gets403_AndChangesNothing()
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        var before = Snapshot();

        time.Advance(TimeSpan.FromMinutes(61));
        var post = await session.PostTextAsync("完成 T014");
        var read = await session.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}/activities");
        var refresh = await session.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task ARefreshedToken_OutlivesTheFirst()
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        time.Advance(TimeSpan.FromMinutes(30));
        var refreshed = await DirectLineSession.ReadAsync(await session.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh"));
        time.Advance(TimeSpan.FromMinutes(45));

        Assert.Equal(HttpStatusCode.Forbidden, (await session.PostTextAsync("帮助")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.PostAsync(new { type = "message", text = "帮助" }, refreshed["token"]!.GetValue<string>())).StatusCode);
    }

    [Fact]
    public async Task ATokenForAnotherConversation_Gets403_AndChangesNothing()
    {
        var mine = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        var theirs = await DirectLineSession.StartAsync(app, http, "sample-coordinator");
        var before = Snapshot();

        var post = await mine.PostAsync(new { type = "message", text = "完成 T014" }, conversationId: theirs.ConversationId);
        var read = await mine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/activities");
        var reconnect = await mine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task AForgedFromId_IsReplacedByTheTokensUser_SoTheCoordinatorsRightsAreNotBorrowed()
    {
        // 曹雪 (人事代表工作委员会) may not complete T014 (综合组's); the coordinator may.
        var session = await DirectLineSession.StartAsync(app, http, "sample-renshi");
        var before = Snapshot();

        await DirectLineSession.ReadAsync(await session.PostAsync(new { type = "message", text = "完成 T014", from = new { id = "sample-coordinator", name = "王建国" } }));

        var echo = (await session.ActivitiesAsync()).Activities.Single(a => a!["from"]!["role"]!.GetValue<string>() == "user");
        Assert.Equal("sample-renshi", echo!["from"]!["id"]!.GetValue<string>());
        using var ledger = app.OpenLedger();
        Assert.Equal("open", ledger.ExecuteScalar<string>("SELECT status FROM task WHERE code = 'T014'"));
        Assert.Contains(await session.BotTextsAsync(), t => t.Contains("T014"));
        // Only the conversation grew (the message and the refusal); tasks and evidence are as they were.
        Assert.Equal(before.Split('\n').Where(l => !l.Contains(session.ConversationId)), Snapshot().Split('\n').Where(l => !l.Contains(session.ConversationId)));
    }

    [Fact]
    public async Task AWatermarkFromTheFuture_Gets400_OnPollReconnectAndStream()
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        var before = Snapshot();

        var poll = await session.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}/activities?watermark=999999");
        var reconnect = await session.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark=999999");
        var notANumber = await session.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}/activities?watermark=abc");
        using var socket = new ClientWebSocket();
        var stream = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(
            new Uri(new Uri(http.BaseAddress!, $"/v3/directline/conversations/{session.ConversationId}/stream?watermark=999999&t={session.Token}").ToString().Replace("http://", "ws://", StringComparison.Ordinal)),
            CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, poll.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reconnect.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Contains("400", stream.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task AnOversizedUpload_Gets413_AndStoresNothing()
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        var before = Snapshot();

        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"type":"message","text":"完成 T024"}""", Encoding.UTF8, "application/vnd.microsoft.activity"), "activity", "blob" },
            { new ByteArrayContent(new byte[1024 * 1024 + 1]), "file", "big.jpg" },
        };
        var response = await session.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/upload?userId=sample-zonghe", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task AnOversizedActivity_Gets413_AndChangesNothing()
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        var before = Snapshot();

        var response = await session.PostAsync(new { type = "message", text = "完成 T014 " + new string('x', 300 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("32 KB", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"text": "本周到期"}""")]
    [InlineData("""{"type": "message", "attachments": "not a list"}""")]
    [InlineData("""{"type": "message", "text": "x"} trailing""")]
    public async Task AMalformedActivity_Gets400_AndChangesNothing(string body)
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        var before = Snapshot();

        var response = await session.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/activities", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("BadArgument", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task NoToken_OrAForgedOne_Gets401()
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        var before = Snapshot();
        var forged = session.Token[..^4] + (session.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var none = await http.PostAsync($"/v3/directline/conversations/{session.ConversationId}/activities", JsonContent.Create(new { type = "message", text = "完成 T014" }));
        var bad = await session.PostAsync(new { type = "message", text = "完成 T014" }, token: forged);
        var generate = await session.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, generate.StatusCode); // a user's token cannot mint others
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task TheConnectorEndpoint_RefusesAnyoneButTheBot()
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        var before = Snapshot();
        var path = $"/directline/connector/v3/conversations/{session.ConversationId}/activities";
        var activity = JsonContent.Create(new { type = "message", text = "【督办】伪造的提醒" });

        var anonymous = await http.PostAsync(path, activity);
        using var withUserToken = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { type = "message", text = "x" }) };
        withUserToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        var userToken = await http.SendAsync(withUserToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, userToken.StatusCode);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task AnUploadedPhotoWithDone_IsEvidence_ServedOnlyToWhoMaySeeTheTask()
    {
        var zhang = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"type":"message","text":"完成 T024"}""", Encoding.UTF8, "application/vnd.microsoft.activity"), "activity", "blob" },
            { new ByteArrayContent(TestImages.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "现场.png" },
        };
        await DirectLineSession.ReadAsync(await zhang.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{zhang.ConversationId}/upload?userId=sample-zonghe", form));

        using var ledger = app.OpenLedger();
        var url = ledger.ExecuteScalar<string>("SELECT e.url FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = 'T024' AND e.kind = 'attachment'")!;
        Assert.Contains("/v3/directline/attachments/", url);
        Assert.Equal("done", ledger.ExecuteScalar<string>("SELECT status FROM task WHERE code = 'T024'"));

        async Task<HttpStatusCode> FetchAs(string? account)
        {
            var token = account is null ? null : (await DirectLineSession.StartAsync(app, http, account)).Token;
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(TestImages.Png, await response.Content.ReadAsByteArrayAsync());
                Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            }

            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await FetchAs("sample-zonghe"));        // the uploader
        Assert.Equal(HttpStatusCode.OK, await FetchAs("sample-zonghe-lead"));   // the task's office
        Assert.Equal(HttpStatusCode.OK, await FetchAs("sample-coordinator"));   // coordinators see everything
        Assert.Equal(HttpStatusCode.NotFound, await FetchAs("sample-renshi"));  // another office
        Assert.Equal(HttpStatusCode.NotFound, await FetchAs("stranger"));       // nobody the ledger knows
        Assert.Equal(HttpStatusCode.Unauthorized, await FetchAs(null));
    }

    [Fact]
    public async Task AReminder_ReachesAWebChatConversation_InProcess()
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        await DirectLineSession.ReadAsync(await session.PostTextAsync("订阅我的提醒"));

        var (code, printed) = await OperatorRun.RunAsync(app.Services, "reminders", "run", "--at", "2026-06-15T01:00:00Z");

        Assert.True(code == 0, printed);
        Assert.Contains(await session.BotTextsAsync(), t => t.StartsWith("【到期提醒】张伟", StringComparison.Ordinal));
    }

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var buffer = new ArraySegment<byte>(new byte[256 * 1024]);
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer.Array!, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (message.Length > 0)
            {
                return JsonNode.Parse(message.ToArray())!;
            }
        }
    }
}
