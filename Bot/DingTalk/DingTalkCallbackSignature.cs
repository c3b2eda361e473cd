using System.Security.Cryptography;
using System.Text;

namespace CampaignBot.DingTalk;

/// <summary>
/// The HTTP callback's proof that DingTalk sent it: headers "timestamp" (milliseconds) and "sign" =
/// Base64(HMAC-SHA256(key: app secret, message: timestamp + "\n" + app secret)), accepted within an
/// hour of the bot's clock, as DingTalk documents for robot callbacks.
/// </summary>
public static class DingTalkCallbackSignature
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static string Sign(string timestamp, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));

    public static bool IsValid(string? timestamp, string? sign, string secret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(sign) || !long.TryParse(timestamp, out var milliseconds))
        {
            return false;
        }

        if (milliseconds < 0 || Math.Abs(now.ToUnixTimeMilliseconds() - milliseconds) > Window.TotalMilliseconds)
        {
            return false;
        }

        // Compared in constant time, so the answer's timing says nothing about how much of a forgery was right.
        var expected = Encoding.UTF8.GetBytes(Sign(timestamp!, secret));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(sign));
    }
}
