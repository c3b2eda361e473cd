namespace CampaignBot.Scheduling.Delivery;

/// <summary>
/// Where an outgoing message goes: a chat of a channel (<see cref="ChatTarget"/>) or a group robot
/// (<see cref="RobotTarget"/>). Typed everywhere; <see cref="Key"/> is only its stored form (the
/// outbox's and the reminder record's target column), read back by <see cref="Parse"/>.
/// </summary>
public abstract record MessageTarget
{
    public abstract string Key { get; }

    public sealed override string ToString() => Key;

    public static MessageTarget Parse(string key) =>
        key.StartsWith(RobotTarget.Prefix, StringComparison.Ordinal) ? RobotTarget.FromKey(key) : ChatTarget.FromKey(key);
}
