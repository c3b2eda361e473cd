using System.Globalization;

namespace CampaignBot.Scheduling.Delivery;

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
