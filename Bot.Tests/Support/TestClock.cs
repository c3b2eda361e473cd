using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Support;

/// <summary>The moment tests run at: Monday 15 June 2026, 09:00 in Shanghai (01:00 UTC).</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 6, 15, 1, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 6, 15);

    public static FakeTimeProvider Create() => new(Start) { };
}
