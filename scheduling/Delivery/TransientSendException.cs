namespace CampaignBot.Scheduling.Delivery;

/// <summary>Worth retrying: 429, 5xx, a timeout, a broken connection.</summary>
public sealed class TransientSendException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long the channel asked us to wait (HTTP Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
