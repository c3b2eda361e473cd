using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// Names a chat the way a coordinator knows it: whose it is (the office it is or was bound to, the
/// person of a 1:1 chat) and its title, never its raw id; and whether the bot can still reach it.
/// </summary>
public sealed class ChatNames(ConversationRepository conversations, RobotRepository robots)
{
    /// <param name="target">Null: a target this version cannot read.</param>
    public async Task<(string Name, bool Gone)> DescribeAsync(MessageTarget? target, ReplyTexts texts, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case ChatTarget chat when await conversations.FindAsync(chat.ChannelId, chat.ConversationId, cancellationToken) is { } conversation:
                var name = conversation.IsGroup
                    ? texts.GroupChatName(conversation.BoundOfficeName ?? conversation.RemovedOfficeName, conversation.Title)
                    : texts.PersonalChatName(conversation.PersonName ?? conversation.BoundPersonName);
                return (name, conversation.RemovedAt is not null);

            case RobotTarget robot when await robots.FindAsync(robot.RobotId, cancellationToken) is { } found:
                return (texts.RobotName(found.OfficeName), false);

            default:
                return (texts.UnknownChatName, true);
        }
    }
}
