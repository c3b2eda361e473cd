namespace CampaignBot.EvidenceFiles;

/// <summary>
/// Keys of files a channel sends encrypted, with a key per message (WeCom's AI bot: each media url has
/// its own aeskey), kept in memory by the file's url only while the url can still be fetched: WeCom's
/// media urls are valid for five minutes, so a key is of no use after that, and none is written to disk.
/// The message's turn remembers it (<c>Bots/EvidenceIntake</c>); the channel's file source takes it
/// when it fetches the file.
/// </summary>
public sealed class ChannelFileKeys(TimeProvider time)
{
    /// <summary>Twice the life of WeCom's media urls: the first try and the first background retries fall within it.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, (string Key, DateTimeOffset Until)> keys = new(StringComparer.Ordinal);

    public void Remember(string url, string key)
    {
        lock (keys)
        {
            var now = time.GetUtcNow();
            foreach (var expired in keys.Where(k => k.Value.Until <= now).Select(k => k.Key).ToList())
            {
                keys.Remove(expired);
            }

            keys[url] = (key, now + KeepFor);
        }
    }

    /// <summary>The key of the file at this url, or null when it was never given or is past its time.</summary>
    public string? Find(string url)
    {
        lock (keys)
        {
            return keys.TryGetValue(url, out var kept) && kept.Until > time.GetUtcNow() ? kept.Key : null;
        }
    }
}
