using System.Globalization;

namespace CampaignBot.Scheduling.Delivery;

/// <summary>
/// Where an outgoing message goes: a chat of a channel (<see cref="ChatTarget"/>) or a group robot
/// (<see cref="RobotTarget"/>). Typed everywhere; <see cref="Key"/> is only its stored form (the
/// outbox's and the reminder record's target column), read back by <see cref="Parse"/>.
/// </summary>
public abstract record MessageTarget
{
    /// <summary>A closed family: only the targets in this file derive from it.</summary>
    private protected MessageTarget()
    {
    }

    public abstract string Key { get; }

    public sealed override string ToString() => Key;

    public static MessageTarget Parse(string key) =>
        key.StartsWith(RobotTarget.Prefix, StringComparison.Ordinal) ? RobotTarget.FromKey(key) : ChatTarget.FromKey(key);
}

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

/// <summary>A group robot (a DingTalk or WeCom webhook) by its id, stored as "robot:{id}".</summary>
public sealed record RobotTarget(long RobotId) : MessageTarget
{
    internal const string Prefix = "robot:";

    public override string Key => Prefix + RobotId.ToString(CultureInfo.InvariantCulture);

    internal static RobotTarget FromKey(string key) =>
        long.TryParse(key.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new RobotTarget(id)
            : throw new FormatException($"'{key}' is not a robot target");
}
