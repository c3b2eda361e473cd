using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// A message the bot sends unprompted (reminders, the report, a notice), written but not yet shaped
/// for a channel: the reply (header, task cards with real buttons, footer) in the recipient's
/// language, and what some channels add. Each channel's <see cref="IChannelSender"/> shapes it.
/// </summary>
public sealed record OutgoingMessage(ChatReply Reply, ReplyLanguage Language)
{
    /// <summary>The people whose tasks are listed: a robot @-mentions them.</summary>
    public IReadOnlyList<long> Owners { get; init; } = [];

    /// <summary>How to mark a listed task done, for a robot (it cannot hear replies); null when nothing is listed.</summary>
    public string? RobotDoneHint { get; init; }
}
