namespace CampaignBot.Tests.Support;

/// <summary>
/// The sample campaign on Monday 15 June 2026 at 11:00 in Shanghai, after that day's send time,
/// with a fake Bot Connector for the chats a test binds: the start of the reminder tests that
/// drive the operator verbs.
/// </summary>
public abstract class SampleWithConnector : IAsyncLifetime
{
    protected FakeConnector Connector { get; private set; } = null!;

    protected BotServices Services { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Services = await BotServices.CreateAsync(new AnchoredTimeProvider(TestClock.Start.AddHours(2)));
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Connector.DisposeAsync();
    }

    protected Task<(int Code, string Output)> RunAsync(params string[] args) => OperatorRun.RunAsync(Services.Provider, args);
}
