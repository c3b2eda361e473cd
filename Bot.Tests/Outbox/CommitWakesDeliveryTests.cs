using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Chat.Outgoing;
using CampaignBot.Chat.Replies;
using CampaignBot.Data;
using CampaignBot.Ledger;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Tests.Outbox;

/// <summary>
/// A commit wakes delivery: in the real host with reminders on (the next scheduled run is at the
/// send time, hours away), a notice of a kind added here, queued by a plain ledger write that
/// nobody follows with a kick, reaches its chat within seconds; a write that rolls back queues and
/// wakes nothing.
/// </summary>
[Needs(Needs.Host)]
public sealed class CommitWakesDeliveryTests : IAsyncLifetime
{
    private const string Chat = "leaders-chat";
    private FakeConnector connector = null!;
    private BotApplication host = null!;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app = null!;

    /// <summary>A notice kind the bot does not have: read from its payload and worded by this test alone.</summary>
    private sealed record Ping(string Word) : Notice;

    private sealed class PingReader(NoticePayloads notices) : IOutboxPayloadReader
    {
        public OutboxContent Read(string payload) =>
            JsonNode.Parse(payload)!["kind"]!.GetValue<string>() == "test-ping" ? new Ping(JsonNode.Parse(payload)!["word"]!.GetValue<string>()) : notices.Read(payload);
    }

    private sealed class PingComposer(OutgoingMessageComposer composer) : IMessageComposer<OutgoingMessage>
    {
        public async Task<OutgoingMessage> ComposeAsync(ClaimedMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
            message.Content is Ping ping
                ? new OutgoingMessage(new ChatReply("【测试】" + ping.Word), CampaignBot.Understanding.Commands.ReplyLanguage.Chinese)
                : await composer.ComposeAsync(message, now, cancellationToken);
    }

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        host = new BotApplication(new Dictionary<string, string?> { ["Reminders:Enabled"] = "true" }, TimeProvider.System);
        app = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<NoticePayloads>();
            services.Replace(ServiceDescriptor.Singleton<IOutboxPayloadReader, PingReader>());
            services.AddSingleton<OutgoingMessageComposer>();
            services.Replace(ServiceDescriptor.Singleton<IMessageComposer<OutgoingMessage>, PingComposer>());
        }));
        using var client = app.CreateClient();
        var activity = Activities.Message("sample-coordinator", "本群绑定 领导小组办公室", "msteams", Chat, isGroup: true);
        activity["serviceUrl"] = connector.ServiceUrl;
        activity.Remove("deliveryMode");
        (await client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
        // The start-up run (a catch-up of the day) is over before the writes below: what reaches the chat then is woken by them.
        await app.Services.GetRequiredService<IOutboxDispatcher>().DispatchAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await host.DisposeAsync();
        await connector.DisposeAsync();
    }

    private Task QueuePingAsync(string word, bool rollBack) =>
        app.Services.GetRequiredService<LedgerDatabase>().WriteAsync<bool>(async (_, transaction) =>
        {
            var now = DateTimeOffset.UtcNow;
            await app.Services.GetRequiredService<OutboxRepository>().EnqueuePayloadAsync(
                transaction, [new ChatTarget("msteams", Chat)], $$"""{"kind":"test-ping","word":"{{word}}"}""", now, TimeZoneInfo.Utc);
            return rollBack ? throw new InvalidOperationException("the change fails after queueing its notice") : true;
        });

    private async Task<IReadOnlyList<string>> PingsAsync(TimeSpan within, int wanted)
    {
        var watch = Stopwatch.StartNew();
        List<string> pings;
        while ((pings = Pings()).Count < wanted && watch.Elapsed < within)
        {
            await Task.Delay(50);
        }

        return pings;
    }

    private List<string> Pings() =>
        connector.To(Chat).Select(a => a["text"]?.GetValue<string>() ?? "").Where(t => t.StartsWith("【测试】", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task ANewNoticeKind_QueuedByALedgerWrite_IsDeliveredOnceItCommits_WithoutAKick()
    {
        var watch = Stopwatch.StartNew();
        await QueuePingAsync("到了", rollBack: false);

        Assert.Equal(["【测试】到了"], await PingsAsync(TimeSpan.FromSeconds(15), wanted: 1));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"delivered after {watch.Elapsed}");
    }

    [Fact]
    public async Task AWriteThatRollsBack_QueuesNothing_AndDeliversNothing()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => QueuePingAsync("不该到", rollBack: true));
        // A committed write after it is delivered: had the rolled-back one woken or queued anything, it would be here by then.
        await QueuePingAsync("到了", rollBack: false);

        Assert.Equal(["【测试】到了"], await PingsAsync(TimeSpan.FromSeconds(15), wanted: 1));
        await Task.Delay(500);
        Assert.Equal(["【测试】到了"], Pings());
        using var ledger = host.OpenLedger();
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(ledger, "SELECT count(*) FROM outbox_message WHERE notice LIKE '%不该到%'"));
    }
}
