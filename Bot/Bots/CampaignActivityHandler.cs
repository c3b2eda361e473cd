using CampaignBot.Bots.Cards;
using CampaignBot.Chat;
using CampaignBot.Chat.Replies;
using System.Security.Claims;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Security;
using CampaignBot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CampaignBot.Bots;

/// <summary>
/// The bot, kept thin: it remembers every chat it hears from (for proactive messages and office
/// binding), turns a message into a <see cref="ChatRequest"/> for the router, and sends the reply.
/// </summary>
public sealed class CampaignActivityHandler(
    ChatCommandRouter router, ConversationRepository conversations, EvidenceIntake evidence, ChannelTrust trust, TimeProvider time, IOptions<CampaignOptions> options,
    CampaignMetrics metrics, ConversationLogHash logHash, ILogger<CampaignActivityHandler> logger) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        StoredText.Clean(activity);
        // Every line logged during the turn names its channel and chat, the chat by a keyed hash only
        // (docs/operations.md); the id itself only at Debug, for an operator looking for one chat.
        var conversation = logHash.Of(activity.ChannelId, activity.Conversation?.Id);
        using var scope = logger.BeginScope("Channel {Channel} conversation {Conversation}", activity.ChannelId, conversation);
        logger.LogDebug("Chat {Conversation} is {ChannelId}/{ConversationId}", conversation, activity.ChannelId, activity.Conversation?.Id);
        var identity = turnContext.TurnState.Get<ClaimsIdentity>(BotAdapter.BotIdentityKey);
        turnContext.TurnState.Add(await conversations.TouchAsync(Seen(activity, identity), cancellationToken));
        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        metrics.Turn(activity.ChannelId);
        // Teams puts "<at>CampaignBot</at>" into the text of a group message; it is not the user's words.
        // A card's button posted back as a value (no text) says its command there.
        var text = SubmittedCommand.Of(activity) ?? BotMention.StripFrom(activity);
        var attachments = await evidence.ReadAsync(activity, turnContext.TurnState.Get<ClaimsIdentity>(BotAdapter.BotIdentityKey), cancellationToken);
        var request = new ChatRequest(
            text,
            activity.From.Id,
            activity.ChannelId,
            activity.Conversation.Id,
            activity.Conversation.IsGroup == true,
            attachments.Accepted,
            turnContext.TurnState.Get<ConversationRecord>()) { RefusedAttachments = attachments.Refused };
        var reply = await router.HandleAsync(request, cancellationToken);
        // The channel's adapter may render replies itself (DingTalk); the Bot Framework channels' cards otherwise.
        var renderer = turnContext.TurnState.Get<IReplyRenderer>() ?? AdaptiveCardRenderer.Instance;
        await turnContext.SendActivityAsync(renderer.Render(reply, activity.ChannelId), cancellationToken);
    }

    /// <remarks>
    /// Greets once, when the bot itself joins a chat. ActivityHandler's OnMembersAddedAsync is not
    /// used because it is only called for members other than the bot.
    /// </remarks>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true)
        {
            await turnContext.SendActivityAsync(ReplyTexts.For(options.Value.DefaultLanguage).Welcome, cancellationToken: cancellationToken);
        }
    }

    /// <remarks>
    /// A service url is kept for later reminders only when the bot may call it: a stranger's
    /// unauthenticated message must not plant an address (nor replace the chat's real one). A chat
    /// of the embedded Web Chat channel is marked as such by where its turn came from (the channel's
    /// identity), whatever url the activity carries; no other turn can store that mark (it is not http).
    /// </remarks>
    private ConversationRecord Seen(IActivity activity, ClaimsIdentity? identity) => new()
    {
        ChannelId = activity.ChannelId,
        ConversationId = activity.Conversation.Id,
        ServiceUrl = EmbeddedChannelIdentity.Is(identity) ? EmbeddedChannelIdentity.ServiceUrl
            : trust.MayCall(activity.ServiceUrl, ChannelTrust.IsAuthenticated(identity)) ? activity.ServiceUrl : null,
        TenantId = activity.Conversation.TenantId,
        BotId = activity.Recipient?.Id,
        BotName = activity.Recipient?.Name,
        IsGroup = activity.Conversation.IsGroup == true,
        // Who writes in a 1:1 chat makes it theirs once the account is linked (their personal chat).
        AccountId = activity.Type == ActivityTypes.Message && activity.Conversation.IsGroup != true ? activity.From?.Id : null,
        Title = string.IsNullOrWhiteSpace(activity.Conversation.Name) ? null : activity.Conversation.Name,
        LastSeenAt = time.GetUtcNow(),
    };
}
