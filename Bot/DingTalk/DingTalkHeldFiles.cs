using System.Collections.Concurrent;
using Microsoft.Bot.Schema;

namespace CampaignBot.DingTalk;

/// <summary>
/// DingTalk sends a file (and, from some clients, a picture) as a message of its own, without words,
/// so "完成 T013" and its PDF arrive as two messages. The files of a message without words are held
/// here for a few minutes, per chat and sender, and travel with that sender's next message in that
/// chat, as if sent together. Held in memory: after a restart the files are sent again.
/// </summary>
public sealed class DingTalkHeldFiles(TimeProvider time)
{
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string Conversation, string Sender), (List<Attachment> Files, DateTimeOffset Until)> held = new();

    /// <summary>Holds a message's files, after any the sender already has waiting; how many are now held.</summary>
    public int Hold(string conversationId, string senderId, IEnumerable<Attachment> files)
    {
        var now = time.GetUtcNow();
        var entry = held.AddOrUpdate((conversationId, senderId),
            _ => ([.. files], now + HoldFor),
            (_, kept) => ([.. (kept.Until > now ? kept.Files : []), .. files], now + HoldFor));
        return entry.Files.Count;
    }

    /// <summary>The sender's files still held in this chat, handed over once.</summary>
    public IReadOnlyList<Attachment> Take(string conversationId, string senderId) =>
        held.TryRemove((conversationId, senderId), out var kept) && kept.Until > time.GetUtcNow() ? kept.Files : [];
}
