using System.Threading.RateLimiting;

namespace CampaignBot.Scheduling.Delivery;

/// <summary>The dispatcher's rate limits: per chat and overall.</summary>
internal static class RateBuckets
{
    /// <summary>
    /// A token bucket that refills smoothly (about 50 small refills per period, so the burst stays
    /// small) and exactly at the configured rate: the refill period follows from the whole tokens
    /// added per refill (60/min: 1 token a second; 100/s: 2 tokens every 20 ms).
    /// </summary>
    internal static TokenBucketRateLimiterOptions Of(int permits, TimeSpan per)
    {
        var tokensPerRefill = Math.Max(1, permits / 50);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerRefill,
            TokensPerPeriod = tokensPerRefill,
            ReplenishmentPeriod = per * tokensPerRefill / permits,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }
}
