namespace CampaignBot.Tests.Support;

/// <summary>
/// The bot's services on the sample campaign at Monday 15 June 2026, 09:00:05 in Shanghai, with
/// office chats bound to a fake Bot Connector: what the reminder and plan-change tests start from.
/// </summary>
public sealed class MondayMorningChats : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = TestClock.Start.AddSeconds(5);

    private MondayMorningChats(FakeConnector connector, BotServices services)
    {
        Connector = connector;
        Services = services;
    }

    public FakeConnector Connector { get; }

    public BotServices Services { get; }

    /// <param name="chats">Conversation ids and the office each is bound to.</param>
    public static async Task<MondayMorningChats> StartAsync(IDictionary<string, string?> settings, params (string Chat, string Office)[] chats)
    {
        var connector = await FakeConnector.StartAsync();
        var services = await BotServices.CreateAsync(new AnchoredTimeProvider(Now), settings);
        foreach (var (chat, office) in chats)
        {
            await services.Database.BindChatAsync(chat, connector.ServiceUrl, office: office);
        }

        return new MondayMorningChats(connector, services);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
