using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Operator;

/// <summary>
/// The bot started as an operator starts it, on an address of their choosing (`--urls
/// http://127.0.0.1:5417`), and the operator's commands run beside it as separate processes: they
/// deliver Web Chat reminders through the bot wherever it listens, say in one line what to set when
/// it cannot be reached, and a bot started on a taken address stops before writing anything.
/// </summary>
[Needs(Needs.Process)]
public sealed class RunningBotTests
{
    /// <summary>Both processes derive the Web Chat connector's key from the same secret, as they do from data/directline-secret.</summary>
    private static readonly Dictionary<string, string> Secret = new() { ["DirectLine__Secret"] = "running-bot-tests-secret" };

    [Fact]
    public async Task RemindersRun_TheBotOnAnotherPort_DeliversTheWebChatReminderThroughIt()
    {
        // Before: the command called 127.0.0.1:3978 (the configured Urls), "Connection refused", a stack trace, exit 1.
        await using var database = await TestDatabase.CreateAsync();
        var port = BotProcess.FreePort();
        using var bot = BotProcess.Start(database, ["--urls", $"http://127.0.0.1:{port}"], Secret);
        try
        {
            using var http = await BotProcess.ServingAsync(port);
            var (conversation, token) = await SubscribeAsync(http, "sample-zonghe");

            var (code, output, log) = await RunVerbAsync(database, "reminders", "run", "--at", "2026-06-16T09:00+08:00");

            Assert.True(code == 0, output + log);
            Assert.Contains("已发出消息 1 条。", output);
            var texts = await BotTextsAsync(http, conversation, token);
            Assert.Contains("【到期提醒】张伟 6月16日 周二：1 项任务需要关注", texts);
        }
        finally
        {
            await BotProcess.KillAsync(bot);
        }
    }

    [Fact]
    public async Task RemindersRun_TheBotStopped_SaysInOneLineWhichSettingToSet_AndSendsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var port = BotProcess.FreePort();
        using (var bot = BotProcess.Start(database, ["--urls", $"http://127.0.0.1:{port}"], Secret))
        {
            try
            {
                using var http = await BotProcess.ServingAsync(port);
                await SubscribeAsync(http, "sample-zonghe");
            }
            finally
            {
                // Killed, not stopped: the address it recorded is left behind, and nothing answers there.
                await BotProcess.KillAsync(bot);
            }
        }

        var (code, output, log) = await RunVerbAsync(database, "reminders", "run", "--at", "2026-06-16T09:00+08:00");

        Assert.Equal(3, code);
        var line = Assert.Single(output.TrimEnd().Split('\n'));
        Assert.Contains($"http://127.0.0.1:{port}/", line);
        Assert.Contains("DirectLine:ConnectorBaseUrl", line);
        Assert.DoesNotContain("   at ", output + log);
        await using var ledger = await database.OpenAsync();
        Assert.Equal(0, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_message"));
        Assert.Equal(0, await ledger.ExecuteScalarAsync<int>("SELECT count(*) FROM reminder_day"));
    }

    [Fact]
    public async Task Start_OnAnAddressAnotherProgramListensOn_StopsBeforeWritingAnything()
    {
        // Before: the migrations ran and the sample was seeded into a new ledger, then "address already in use" with a stack trace.
        await using var database = await TestDatabase.CreateAsync(seedSample: false);
        var fresh = Path.Combine(database.Folder, "new", "campaignbot.db");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var bot = BotProcess.Start(database, ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string> { ["Storage__DatabasePath"] = fresh });
        var (code, output, log) = await BotProcess.RunToEndSeparatelyAsync(bot).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, code);
        var line = Assert.Single((output + log).TrimEnd().Split('\n'));
        Assert.Contains($"http://127.0.0.1:{port}", line);
        Assert.Contains("已被另一个程序占用", line);
        Assert.False(Directory.Exists(Path.GetDirectoryName(fresh)), "something was written before the port was found taken");
    }

    private static async Task<(int Code, string Output, string Log)> RunVerbAsync(TestDatabase database, params string[] args)
    {
        using var verb = BotProcess.Start(database, args, Secret);
        return await BotProcess.RunToEndSeparatelyAsync(verb).WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>A Web Chat conversation of <paramref name="account"/> (a token from the secret, as a portal gets one) that asked for its own reminders.</summary>
    private static async Task<(string Conversation, string Token)> SubscribeAsync(HttpClient http, string account)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate") { Content = JsonContent.Create(new { user = new { id = account } }) };
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret["DirectLine__Secret"]);
        var grant = await DirectLineSession.ReadAsync(await http.SendAsync(generate));
        var conversation = grant["conversationId"]!.GetValue<string>();
        var token = grant["token"]!.GetValue<string>();
        await SendAsync(http, token, HttpMethod.Post, "v3/directline/conversations", new { });
        await SendAsync(http, token, HttpMethod.Post, $"v3/directline/conversations/{conversation}/activities", new { type = "message", text = "订阅我的提醒" });
        Assert.Contains(await BotTextsAsync(http, conversation, token), t => t.StartsWith("已订阅", StringComparison.Ordinal));
        return (conversation, token);
    }

    private static async Task<IReadOnlyList<string>> BotTextsAsync(HttpClient http, string conversation, string token)
    {
        var body = await SendAsync(http, token, HttpMethod.Get, $"v3/directline/conversations/{conversation}/activities");
        return body["activities"]!.AsArray().Where(a => a!["from"]!["role"]?.GetValue<string>() == "bot").Select(a => a!["text"]?.GetValue<string>() ?? "").ToList();
    }

    private static async Task<JsonObject> SendAsync(HttpClient http, string token, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await DirectLineSession.ReadAsync(await http.SendAsync(request));
    }
}
