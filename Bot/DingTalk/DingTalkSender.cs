using CampaignBot.Chat.Replies;
using CampaignBot.Reminders;
using Microsoft.Extensions.Options;

namespace CampaignBot.DingTalk;

/// <summary>
/// Delivers an outbox message for a DingTalk chat through the app (group send, or 1:1 send for a
/// person's chat), with the outbox's retries, exactly-once record and rate limits around it: the
/// message is composed as for any chat, then shaped as DingTalk shows it.
/// </summary>
public sealed class DingTalkSender(DingTalkAdapter adapter, IOptions<CampaignOptions> campaign)
{
    public static bool Delivers(object content) => content is ReminderDelivery { Reference.ChannelId: DingTalkChannel.ChannelId };

    public Task SendAsync(ReminderDelivery delivery, CancellationToken cancellationToken) =>
        adapter.SendToChatAsync(delivery.Reference.Conversation.Id, DingTalkRenderer.Render(delivery.Activity, ReplyTexts.For(campaign.Value.DefaultLanguage)), cancellationToken);
}
