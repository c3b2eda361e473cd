using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CampaignBot.DirectLine;

/// <summary>
/// Stores what the bot sends into one of the channel's conversations, as the bot (whatever the
/// activity says), and wakes the conversation's streams. The one way in for the bot's activities:
/// the in-process connector client (replies and proactive messages of this process) and the
/// connector endpoint (an operator's command in another process) both end here.
/// </summary>
public sealed class BotActivityWriter(DirectLineStore store, ConversationSignals signals, IConfiguration configuration, IOptions<CampaignOptions> campaign)
{
    private readonly string? appId = configuration["MicrosoftAppId"] is { Length: > 0 } configured ? configured : null;

    public ChannelAccount BotAccount => new(appId ?? "campaignbot", campaign.Value.Name, RoleTypes.Bot);

    public async Task<string> WriteAsync(DirectLineConversation conversation, Activity sent, CancellationToken cancellationToken)
    {
        sent.ChannelId = DirectLineChannel.ChannelId;
        sent.Conversation = new ConversationAccount(id: conversation.Id);
        sent.From = BotAccount;
        sent.Recipient = new ChannelAccount(conversation.UserId, conversation.UserName, RoleTypes.User);
        sent.ServiceUrl = null;
        var id = await store.AppendAsync(sent, cancellationToken);
        signals.Notify(conversation.Id);
        return id;
    }
}
