using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Tests.Support;
using CampaignBot.WeCom;
using Dapper;

namespace CampaignBot.Tests.WeCom;

/// <summary>
/// The bot's own service graph (settings read from the "WeCom" section, the WeCom sender among the
/// outbox's channels, the receiving side's long connection subscribed to the stand-in as the host starts
/// it) sending through the real outbox to a WeCom stand-in: a group's message, a person's, and one to a
/// member WeCom does not know.
/// </summary>
[Needs(Needs.Host)]
public class WeComOutboxTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private FakeWeCom weCom = null!;
    private BotServices services = null!;

    public async Task InitializeAsync()
    {
        weCom = await FakeWeCom.StartAsync();
        weCom.Members.Add("zhangsan");
        weCom.BotChats.Add("wrgroupchat0001");
        services = await BotServices.CreateAsync(settings: weCom.Settings("LongConnection", withApp: true));
        var connection = await services.StartAsync<WeComLongConnection>();
        await Eventually.WaitAsync(() => connection.Connections == 1, Patience);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await weCom.DisposeAsync();
    }

    [Fact]
    public async Task TheOutbox_DeliversToWeComGroupsAndPeople_AndReportsAMemberWeComDoesNotKnow()
    {
        var conversations = services.Get<ConversationRepository>();
        foreach (var (id, isGroup) in new[] { ("wrgroupchat0001", true), ("zhangsan", false), ("left-the-corp", false) })
        {
            await conversations.TouchAsync(new ConversationRecord
            {
                ChannelId = WeComChannel.ChannelId, ConversationId = id, IsGroup = isGroup, ServiceUrl = weCom.BaseUrl, LastSeenAt = services.Database.Time.GetUtcNow(),
            });
        }

        await services.Get<CampaignBot.Data.LedgerDatabase>().WriteAsync(async (sql, transaction) =>
        {
            await services.Get<OutboxRepository>().EnqueueNoticeAsync(transaction,
                [new ChatTarget(WeComChannel.ChannelId, "wrgroupchat0001"), new ChatTarget(WeComChannel.ChannelId, "zhangsan"), new ChatTarget(WeComChannel.ChannelId, "left-the-corp")],
                new Notice.HolidayTableEnding(2026), services.Database.Time.GetUtcNow(), services.Database.Clock.Zone);
            return true;
        }, CancellationToken.None);

        var summary = await services.Get<IOutboxDispatcher>().DispatchAsync(CancellationToken.None);

        Assert.Equal([("app", "zhangsan"), ("bot", "wrgroupchat0001")], weCom.Delivered.Select(d => (d.Via, d.To)).OrderBy(d => d.Via));
        Assert.All(weCom.Delivered, d => Assert.Contains("2026", d.Markdown));
        Assert.Equal(1, summary.Gone);
        await using var check = await services.Database.OpenAsync();
        Assert.NotNull(await check.ExecuteScalarAsync<string>("SELECT removed_at FROM conversation WHERE conversation_id = 'left-the-corp'"));
        Assert.Contains("81013", await check.ExecuteScalarAsync<string>("SELECT last_error FROM outbox_message WHERE target = 'bf:wecom:left-the-corp' AND kind = 'notice'"));
    }
}
