using System.Security.Cryptography;
using System.Text;

namespace CampaignBot.Robots;

/// <summary>
/// DingTalk's signed webhook (加签): HMAC-SHA256 keyed with the secret over "timestamp\nsecret",
/// Base64, then URL-encoded, sent as the timestamp (milliseconds) and sign query parameters.
/// DingTalk refuses a timestamp more than an hour away from its own clock.
/// </summary>
public static class DingTalkSignature
{
    public static string Sign(long timestampMilliseconds, string secret)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestampMilliseconds}\n{secret}"));
        return Uri.EscapeDataString(Convert.ToBase64String(mac));
    }

    public static string SignedUrl(string url, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds();
        return $"{url}{(url.Contains('?') ? '&' : '?')}timestamp={timestamp}&sign={Sign(timestamp, secret)}";
    }
}
