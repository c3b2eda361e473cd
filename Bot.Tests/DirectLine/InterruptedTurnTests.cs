using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Tests.DirectLine;

/// <summary>
/// A page reloaded while the bot is still working: the browser drops the request in flight (the
/// conversation start with its greeting, or a message being answered) and the new page starts the
/// same conversation again with a fresh token. Real HTTP over Kestrel; the bot is held mid-turn by
/// another process's hold on the ledger's write lock, as a slow disk or a long import would hold it.
/// The reported symptom: the bot answered the reload with its error reply (抱歉，处理这条消息时出错了).
/// </summary>
[Needs(Needs.Host)]
public sealed class InterruptedTurnTests : IAsyncLifetime
{
    private const string Greeting = "发送「帮助」";
    private const string TurnError = "出错了";

    private readonly CapturedLogs logs = new();
    private BotApplication app = null!;
    private HttpClient http = null!;

    public Task InitializeAsync()
    {
        app = new BotApplication(time: TestClock.Create()) { Logs = logs };
        http = new HttpClient { BaseAddress = app.StartOnKestrel() };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task ReloadingWhileTheGreetingIsSent_GreetsOnce_AndNeverAnswersWithTheError()
    {
        var token = await GenerateTokenAsync("sample-zonghe");

        await using (var hold = await HoldWriteLockAsync())
        {
            // The first page starts the conversation; the bot begins its greeting and waits for the ledger.
            using var unload = new CancellationTokenSource();
            var first = Start(token, unload.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            // Reload: the browser drops the first page's request, the new page starts the conversation again.
            await unload.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
            var second = Start(await RefreshAsync(token), CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            await hold.DisposeAsync();
            (await second).EnsureSuccessStatusCode();
        }

        var texts = await SettledBotTextsAsync(token.Token, token.ConversationId);
        Assert.DoesNotContain(texts, t => t.Contains(TurnError, StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains(Greeting, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Turn failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoOverlappingStarts_GreetOnce()
    {
        var token = await GenerateTokenAsync("sample-zonghe");

        await using (var hold = await HoldWriteLockAsync())
        {
            var first = Start(token, CancellationToken.None);
            var second = Start(await RefreshAsync(token), CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await hold.DisposeAsync();
            (await first).EnsureSuccessStatusCode();
            (await second).EnsureSuccessStatusCode();
        }

        var texts = await SettledBotTextsAsync(token.Token, token.ConversationId);
        Assert.Single(texts, t => t.Contains(Greeting, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(TurnError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadingWhileAMessageIsAnswered_KeepsTheAnswer_AndNeverTheError()
    {
        var token = await GenerateTokenAsync("sample-zonghe");
        (await Start(token, CancellationToken.None)).EnsureSuccessStatusCode();

        await using (var hold = await HoldWriteLockAsync())
        {
            using var unload = new CancellationTokenSource();
            using var post = Request(HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token,
                JsonContent.Create(new { type = "message", text = "本周到期" }));
            var asking = http.SendAsync(post, unload.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            await unload.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        var texts = await SettledBotTextsAsync(token.Token, token.ConversationId, expected: 2);
        Assert.DoesNotContain(texts, t => t.Contains(TurnError, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("到期（综合组）", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Turn failed", StringComparison.Ordinal));
    }

    private sealed record Grant(string ConversationId, string Token);

    private async Task<Grant> GenerateTokenAsync(string userId)
    {
        using var generate = Request(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineSession.SecretOf(app), JsonContent.Create(new { user = new { id = userId } }));
        var body = await DirectLineSession.ReadAsync(await http.SendAsync(generate));
        return new Grant(body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    /// <summary>What a reloaded page holds: a new token for the same conversation.</summary>
    private async Task<Grant> RefreshAsync(Grant token)
    {
        using var refresh = Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token.Token);
        var body = await DirectLineSession.ReadAsync(await http.SendAsync(refresh));
        return token with { Token = body["token"]!.GetValue<string>() };
    }

    private async Task<HttpResponseMessage> Start(Grant token, CancellationToken cancellationToken)
    {
        using var start = Request(HttpMethod.Post, "/v3/directline/conversations", token.Token, JsonContent.Create(new { }));
        return await http.SendAsync(start, cancellationToken);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string bearer, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    /// <summary>Another connection holds SQLite's write lock until disposed, so the bot's writes wait (busy_timeout) mid-turn.</summary>
    private async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        return new WriteLock(connection);
    }

    private sealed class WriteLock(SqliteConnection connection) : IAsyncDisposable
    {
        private bool released;

        public async ValueTask DisposeAsync()
        {
            if (released)
            {
                return;
            }

            released = true;
            await using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// The bot's texts once the turns in flight have finished: at least <paramref name="expected"/>,
    /// then unchanged for a second (an interrupted turn's late reply must have had time to land).
    /// </summary>
    private async Task<IReadOnlyList<string>> SettledBotTextsAsync(string bearer, string conversationId, int expected = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<string> last = [];
        var stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            using var read = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", bearer);
            var body = await DirectLineSession.ReadAsync(await http.SendAsync(read));
            var texts = body["activities"]!.AsArray().Where(a => a!["from"]!["role"]?.GetValue<string>() == "bot")
                .Select(a => a!["text"]?.GetValue<string>() ?? "").ToList();
            if (!texts.SequenceEqual(last))
            {
                last = texts;
                stableSince = DateTime.UtcNow;
            }
            else if (texts.Count >= expected && DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(1))
            {
                return texts;
            }

            await Task.Delay(100);
        }

        return last;
    }
}
