using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A test class whose tests each get the real bot on Kestrel (127.0.0.1, a free port) with a fake
/// clock and an HTTP client for it: for Direct Line, WebSockets and headers as a browser sees them.
/// </summary>
public abstract class KestrelBotTest : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = TestClock.Create();

    protected BotApplication App { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    /// <summary>Settings over the test defaults (<see cref="BotApplication"/>).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public Task InitializeAsync()
    {
        App = new BotApplication(Settings, Time);
        Http = new HttpClient { BaseAddress = App.StartOnKestrel() };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
