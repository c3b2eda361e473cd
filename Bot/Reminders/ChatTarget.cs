namespace CampaignBot.Reminders;

/// <summary>
/// A Bot Framework chat as a reminder target: "bf:{channelId}:{conversationId}". Channel ids have no
/// colon; conversation ids may (Teams: 19:…@thread.tacv2), so everything after the second colon is the id.
/// </summary>
public sealed record ChatTarget(string ChannelId, string ConversationId)
{
    private const string Prefix = "bf:";

    public string Key => $"{Prefix}{ChannelId}:{ConversationId}";

    public override string ToString() => Key;

    public static ChatTarget Parse(string key)
    {
        var separator = key.StartsWith(Prefix, StringComparison.Ordinal) ? key.IndexOf(':', Prefix.Length) : -1;
        if (separator < 0)
        {
            throw new FormatException($"'{key}' is not a Bot Framework chat target");
        }

        return new ChatTarget(key[Prefix.Length..separator], key[(separator + 1)..]);
    }
}
