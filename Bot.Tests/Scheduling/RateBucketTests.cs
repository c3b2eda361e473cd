using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Tests.Scheduling;

public class RateBucketTests
{
    [Theory]
    [InlineData(20, 60, 1, 3_000)]
    [InlineData(60, 60, 1, 1_000)]
    [InlineData(100, 1, 2, 20)]
    [InlineData(1_000, 1, 20, 20)]
    [InlineData(7, 1, 1, 142.857)]
    public void Bucket_RefillsAtExactlyTheConfiguredRate(int permits, int perSeconds, int tokensPerRefill, double refillMilliseconds)
    {
        var bucket = RateBuckets.Of(permits, TimeSpan.FromSeconds(perSeconds));

        Assert.Equal(tokensPerRefill, bucket.TokensPerPeriod);
        Assert.Equal(refillMilliseconds, bucket.ReplenishmentPeriod.TotalMilliseconds, 3);
        Assert.Equal((double)permits / perSeconds, bucket.TokensPerPeriod / bucket.ReplenishmentPeriod.TotalSeconds, 3);
    }
}
