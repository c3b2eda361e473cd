using System.ComponentModel.DataAnnotations;

namespace CampaignBot.DirectLine;

/// <summary>
/// One class of accounts' limits. Rates are token buckets: up to the burst at once, then refilled
/// evenly (30 a minute is one every 2 s); a refused request is told when to try again.
/// </summary>
public sealed class AccountLimits
{
    [Range(1, 100_000)]
    public int MessagesPerMinute { get; set; }

    [Range(1, 100_000)]
    public int MessageBurst { get; set; }

    [Range(1, 100_000)]
    public int UploadsPerHour { get; set; }

    [Range(1, 100_000)]
    public int UploadBurst { get; set; }

    /// <summary>
    /// The most megabytes of an account's uploads that are not evidence (sent without a task, or
    /// refused) kept at once; uploads that became evidence do not count.
    /// </summary>
    [Range(1, 1_000_000)]
    public int UnclaimedUploadMegabytes { get; set; }

    public bool IsValid => MessagesPerMinute >= 1 && MessageBurst >= 1 && UploadsPerHour >= 1 && UploadBurst >= 1 && UnclaimedUploadMegabytes >= 1;

    public long UnclaimedUploadBytes => UnclaimedUploadMegabytes * 1024L * 1024L;

    public static AccountLimits KnownDefaults() => new()
    {
        MessagesPerMinute = 30,
        MessageBurst = 30,
        UploadsPerHour = 120,
        UploadBurst = 30,
        UnclaimedUploadMegabytes = 200,
    };

    public static AccountLimits UnknownDefaults() => new()
    {
        MessagesPerMinute = 10,
        MessageBurst = 10,
        UploadsPerHour = 6,
        UploadBurst = 3,
        UnclaimedUploadMegabytes = 20,
    };
}
