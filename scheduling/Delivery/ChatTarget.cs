namespace CampaignBot.Scheduling.Delivery;

/// <summary>
/// A chat of a Bot Framework-style channel (Teams, Web Chat, DingTalk…), stored as
/// "bf:{channelId}:{conversationId}". Channel ids have no colon; conversation ids may (Teams:
/// 19:…@thread.tacv2), so everything after the second colon is the conversation.
/// </summary>
public sealed record ChatTarget(string ChannelId, string ConversationId) : MessageTarget
{
    internal const string Prefix = "bf:";

    public override string Key => $"{Prefix}{ChannelId}:{ConversationId}";

    internal static ChatTarget FromKey(string key)
    {
        var separator = key.StartsWith(Prefix, StringComparison.Ordinal) ? key.IndexOf(':', Prefix.Length) : -1;
        if (separator < 0)
        {
            throw new FormatException($"'{key}' is not a chat target");
        }

        return new ChatTarget(key[Prefix.Length..separator], key[(separator + 1)..]);
    }
}
