using System.Diagnostics;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A clock that starts at a chosen instant and then runs at real speed, with real timers: for tests
/// where retries and rate limits must actually wait (a FakeTimeProvider's timers never fire alone).
/// </summary>
public sealed class AnchoredTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch elapsed = Stopwatch.StartNew();

    public override DateTimeOffset GetUtcNow() => start + elapsed.Elapsed;
}
