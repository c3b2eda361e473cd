using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace CampaignBot.Tests.Support;

/// <summary>
/// One real HTTP and WebSocket server on 127.0.0.1 standing in for everything of WeCom's the bot talks
/// to (docs/wecom.md), checking what WeCom checks: the AI bot's long connection
/// (FakeWeCom.LongConnection.cs), the messages WeCom writes to the bot and the response url each carries
/// (FakeWeCom.Callbacks.cs), the self-built app's HTTP API and encrypted media files
/// (FakeWeCom.AppApi.cs), and the shapes and byte limits of bodies (FakeWeCom.Shapes.cs). Every message
/// sent on its own to a chat, by the app or by the bot, is counted in <see cref="Delivered"/>, within
/// WeCom's 30 a minute to one recipient: past that WeCom drops it without an error.
/// </summary>
public sealed partial class FakeWeCom : IAsyncDisposable
{
    public const string BotId = "aibFakeBot0001";
    public const string BotSecret = "fake-wecom-secret-0123456789abcdef";
    public const string CorpId = "wwfakecorp0001";
    public const string AppSecret = "fake-app-secret-0123456789abcdefghij";
    public const long AgentId = 1000002;

    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> perRecipient = new(StringComparer.OrdinalIgnoreCase);
    private WebApplication app = null!;
    private int dropped;

    /// <param name="time">The clock that places deliveries in WeCom's minute (the test's, when it moves time).</param>
    private FakeWeCom(TimeProvider time) => this.time = time;

    public string BaseUrl { get; private set; } = "";

    /// <summary>What was delivered: "app" (message/send) or "bot" (aibot_send_msg), the recipient, the body, and when.</summary>
    public ConcurrentQueue<Delivery> Delivered { get; } = new();

    /// <summary>Messages past 30 a minute to one recipient: WeCom drops them without an error.</summary>
    public int Dropped => dropped;

    /// <summary>What the stand-in refused, and why: a test that expects none says so.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public static async Task<FakeWeCom> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeWeCom(time ?? TimeProvider.System);
        (server.app, server.BaseUrl) = await LoopbackServer.StartAsync(web =>
        {
            web.UseWebSockets();
            server.MapLongConnection(web);
            server.MapResponseUrl(web);
            server.MapAppApi(web);
        });
        return server;
    }

    /// <summary>The bot's "WeCom" section for this stand-in; with the app, its corp id, agent id and secret too.</summary>
    public Dictionary<string, string?> Settings(string mode, bool withApp = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WeCom:Mode"] = mode,
            ["WeCom:BotId"] = BotId,
            ["WeCom:BotSecret"] = BotSecret,
            ["WeCom:WebSocketUrl"] = WebSocketUrl,
            ["WeCom:ApiBaseUrl"] = BaseUrl.TrimEnd('/'),
            ["WeCom:MaxReconnectDelaySeconds"] = "1",
            ["WeCom:TakenOverPauseSeconds"] = "1",
        };
        if (withApp)
        {
            settings["WeCom:CorpId"] = CorpId;
            settings["WeCom:AgentId"] = AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["WeCom:AppSecret"] = AppSecret;
        }

        return settings;
    }

    /// <summary>Counts a message to a recipient as delivered, unless it is the 31st in a minute, which WeCom silently drops.</summary>
    private void Deliver(string via, string to, JsonObject body)
    {
        var now = time.GetUtcNow();
        var sent = perRecipient.GetOrAdd(to, _ => []);
        lock (sent)
        {
            sent.RemoveAll(t => t <= now - TimeSpan.FromMinutes(1));
            if (sent.Count >= 30)
            {
                Interlocked.Increment(ref dropped);
                return;
            }

            sent.Add(now);
        }

        Delivered.Enqueue(new Delivery(via, to, body, now));
    }

    public async ValueTask DisposeAsync()
    {
        socket?.Abort();
        await app.DisposeAsync();
    }

    /// <summary>A message WeCom delivered to a chat: its markdown, or "" for a card.</summary>
    public sealed record Delivery(string Via, string To, JsonObject Body, DateTimeOffset At)
    {
        public string Markdown => Body["markdown"]?["content"]?.GetValue<string>() ?? "";
    }
}
