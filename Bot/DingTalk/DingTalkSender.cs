using CampaignBot.Chat.Outgoing;
using CampaignBot.Chat.Replies;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.DingTalk;

/// <summary>
/// Delivers an outbox message for a DingTalk chat through the app (group send, or 1:1 send for a
/// person's chat), with the outbox's retries, exactly-once record and rate limits around it: the
/// message is rendered from the reply model as DingTalk shows it, in the recipient's language.
/// </summary>
public sealed class DingTalkSender(DingTalkAdapter adapter) : IChannelSender
{
    public bool Delivers(MessageTarget target) => target is ChatTarget { ChannelId: DingTalkChannel.ChannelId };

    public Task SendAsync(MessageTarget target, OutgoingMessage message, CancellationToken cancellationToken) =>
        adapter.SendToChatAsync(((ChatTarget)target).ConversationId,
            DingTalkRenderer.Render(message.Reply, ReplyTexts.For(message.Language)), cancellationToken);
}
