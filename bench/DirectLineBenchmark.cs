using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using CampaignBot.DirectLine;

namespace CampaignBot.Bench;

/// <summary>
/// The embedded Direct Line channel as Web Chat uses it: 50 conversations, each with its WebSocket
/// stream open, each posting 本周到期 and waiting for the bot's answer on its stream before asking
/// again. Round trip = from the POST to the answer arriving on the stream. At saturation it is
/// compared, in interleaved rounds on the same bot and ledger, with /api/messages (8 clients,
/// 本周到期, the answer in the response): issue 23's goal is at least a third of that throughput.
/// </summary>
public static class DirectLineBenchmark
{
    private const int Conversations = 50;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(3);
    private const int Rounds = 5;
    private const int ApiClients = 8;
    private const double Goal = 1.0 / 3;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(string ledger)
    {
        var (app, baseUrl) = await BotHosts.StartCampaignBotAsync(ledger);
        try
        {
            var secret = app.Services.GetRequiredService<DirectLineSecret>().Value;
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var clients = new List<Client>();
            for (var i = 0; i < Conversations; i++)
            {
                clients.Add(await Client.StartAsync(http, secret, BenchLedger.Account));
            }

            await RunAllAsync(clients, WarmUp, pace: null);
            // People type: each conversation asks once a second (50 questions/s in all); then as fast as answers come.
            var paced = await MeasureAsync(clients, TimeSpan.FromSeconds(1), Measured);
            var flat = await MeasureAsync(clients, pace: null, Measured);

            // For a profiler (perf, dotnet-trace) attached meanwhile: each path's saturation alone, for as long as asked.
            if (Environment.GetEnvironmentVariable("BENCH_DIRECTLINE_PROFILE_SECONDS") is { } profile && int.TryParse(profile, out var profileSeconds))
            {
                var window = TimeSpan.FromSeconds(profileSeconds);
                Console.Error.WriteLine($"profile window: Direct Line for {profileSeconds} s, process {Environment.ProcessId}");
                var (answered, seconds) = await MeasureAsync(clients, pace: null, window);
                Console.Error.WriteLine($"profile window: Direct Line over, {answered.Count} questions, {answered.Count / seconds:N0}/s");
                await Task.Delay(TimeSpan.FromSeconds(3));
                foreach (var channel in new[] { "test", "webchat" })
                {
                    Console.Error.WriteLine($"profile window: /api/messages as {channel} for {profileSeconds} s, process {Environment.ProcessId}");
                    var messages = await LoadGenerator.RunAsync(baseUrl.TrimEnd('/'), LoadGenerator.Activity(BenchLedger.Account, "本周到期", channel), ApiClients, window);
                    Console.Error.WriteLine($"profile window: /api/messages as {channel} over, {messages.Requests} questions, {messages.PerSecond:N0}/s");
                    await Task.Delay(TimeSpan.FromSeconds(3));
                }
            }

            // Saturation against /api/messages, interleaved so that all meet the same machine. Asked as
            // the bench's "test" channel, the bot answers in text; asked as "webchat" (Web Chat through
            // a cloud Direct Line), with the same Adaptive Card the embedded channel stores and streams.
            var text = LoadGenerator.Activity(BenchLedger.Account, "本周到期");
            var card = LoadGenerator.Activity(BenchLedger.Account, "本周到期", channelId: "webchat");
            await LoadGenerator.RunAsync(baseUrl.TrimEnd('/'), text, ApiClients, WarmUp);
            await LoadGenerator.RunAsync(baseUrl.TrimEnd('/'), card, ApiClients, WarmUp);
            var (directLineRate, textRate, cardRate) = (new List<double>(), new List<double>(), new List<double>());
            for (var round = 0; round < Rounds; round++)
            {
                var (latencies, seconds) = await MeasureAsync(clients, pace: null, Round);
                directLineRate.Add(latencies.Count / seconds);
                textRate.Add((await LoadGenerator.RunAsync(baseUrl.TrimEnd('/'), text, ApiClients, Round)).PerSecond);
                cardRate.Add((await LoadGenerator.RunAsync(baseUrl.TrimEnd('/'), card, ApiClients, Round)).PerSecond);
            }

            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            var (dl, api, apiCard) = (directLineRate.Average(), textRate.Average(), cardRate.Average());
            static string Rates(List<double> rates) => string.Join(", ", rates.Select(r => r.ToString("N0")));
            return
            [
                Row($"Direct Line round trip, {Conversations} conversations each asking once a second", paced),
                Row($"Direct Line round trip, {Conversations} conversations asking back to back (saturation)", flat),
                new BenchRow("Direct Line saturation / /api/messages throughput (same bot, interleaved; /api/messages answering in text)", "ratio", dl / api, ">= 0.33", dl / api >= Goal,
                    $"{dl:N0} vs {api:N0} questions/s over {Rounds} rounds of {Round.TotalSeconds:N0} s (Direct Line {Rates(directLineRate)}; /api/messages as channel test, {ApiClients} clients, {Rates(textRate)})"),
                new BenchRow("Direct Line saturation / /api/messages throughput (the same card answer: /api/messages as channel webchat)", "ratio", dl / apiCard, "", null,
                    $"{dl:N0} vs {apiCard:N0} questions/s (/api/messages as channel webchat, {ApiClients} clients, {Rates(cardRate)})"),
            ];
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<(List<double> Latencies, double Seconds)> MeasureAsync(IReadOnlyList<Client> clients, TimeSpan? pace, TimeSpan duration)
    {
        foreach (var client in clients)
        {
            client.Latencies.Clear();
        }

        var watch = Stopwatch.StartNew();
        await RunAllAsync(clients, duration, pace);
        return (clients.SelectMany(c => c.Latencies).Order().ToList(), watch.Elapsed.TotalSeconds);
    }

    private static BenchRow Row(string name, (List<double> Latencies, double Seconds) run)
    {
        var all = run.Latencies;
        return new BenchRow(name, "median ms", all[all.Count / 2], "", null,
            $"p99 {all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))]:F2} ms, {all.Count / run.Seconds:N0} questions/s over {all.Count:N0} round trips (本周到期, answer read from the WebSocket stream, 10,000 tasks)");
    }

    private static Task RunAllAsync(IReadOnlyList<Client> clients, TimeSpan duration, TimeSpan? pace)
    {
        var until = Stopwatch.StartNew();
        return Task.WhenAll(clients.Select(async (c, i) =>
        {
            // Paced clients start spread over the first interval, as people do.
            var next = pace is { } interval ? interval * i / clients.Count : TimeSpan.Zero;
            while (until.Elapsed < duration)
            {
                if (pace is { } step)
                {
                    if (next > until.Elapsed)
                    {
                        await Task.Delay(next - until.Elapsed);
                    }

                    next += step;
                }

                await c.AskAsync("本周到期");
            }
        }));
    }

    /// <summary>One Web Chat user: a token, a conversation, its stream, and the latencies it saw.</summary>
    private sealed class Client : IAsyncDisposable
    {
        private readonly HttpClient http;
        private readonly string conversationId;
        private readonly string token;
        private readonly ClientWebSocket socket = new();
        private readonly Task receiving;
        private TaskCompletionSource answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Client(HttpClient http, string conversationId, string token, string streamUrl)
        {
            this.http = http;
            this.conversationId = conversationId;
            this.token = token;
            socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None).GetAwaiter().GetResult();
            receiving = ReceiveAsync();
        }

        public List<double> Latencies { get; } = [];

        public static async Task<Client> StartAsync(HttpClient http, string secret, string userId)
        {
            using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate") { Content = JsonContent.Create(new { user = new { id = userId } }) };
            generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var token = (await (await http.SendAsync(generate)).Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
            using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var conversation = (await (await http.SendAsync(start)).Content.ReadFromJsonAsync<JsonObject>())!;
            return new Client(http, conversation["conversationId"]!.GetValue<string>(), token, conversation["streamUrl"]!.GetValue<string>());
        }

        public async Task AskAsync(string text)
        {
            answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var watch = Stopwatch.StartNew();
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities") { Content = JsonContent.Create(new { type = "message", text }) };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await http.SendAsync(post)).EnsureSuccessStatusCode();
            await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        public async ValueTask DisposeAsync()
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            await receiving;
            socket.Dispose();
        }

        private async Task ReceiveAsync()
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer, 0, received.Count);
                    if (!received.EndOfMessage || message.Length == 0)
                    {
                        continue;
                    }

                    // The answer is told from the echo without parsing the set: the /api/messages load
                    // generator reads its answers' bytes without parsing them either, and both clients
                    // share the bot's two cores (parsing each 50-task answer here cost more than the hop).
                    var set = message.GetBuffer().AsSpan(0, (int)message.Length);
                    message.SetLength(0);
                    // Only the bot's answers carry replyToId (the echo of the question does not).
                    if (set.IndexOf("\"replyToId\""u8) >= 0)
                    {
                        answered.TrySetResult();
                    }
                }
            }
            catch (WebSocketException)
            {
                // The server closed the stream at shutdown.
            }
        }
    }
}
