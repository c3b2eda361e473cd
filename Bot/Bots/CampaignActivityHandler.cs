using CampaignBot.Chat;
using CampaignBot.Chat.Replies;
using CampaignBot.Data.Repositories;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CampaignBot.Bots;

/// <summary>
/// The bot, kept thin: it remembers every chat it hears from (for proactive messages and office
/// binding), turns a message into a <see cref="ChatRequest"/> for the router, and sends the reply.
/// </summary>
public sealed class CampaignActivityHandler(
    ChatCommandRouter router, ConversationRepository conversations, TimeProvider time, IOptions<CampaignOptions> options) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        turnContext.TurnState.Add(await conversations.TouchAsync(Seen(turnContext.Activity), cancellationToken));
        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        // Teams puts "<at>CampaignBot</at>" into the text of a group message; it is not the user's words.
        var text = BotMention.StripFrom(activity);
        var request = new ChatRequest(
            text,
            activity.From.Id,
            activity.ChannelId,
            activity.Conversation.Id,
            activity.Conversation.IsGroup == true,
            EvidenceAttachments.From(activity.Attachments),
            turnContext.TurnState.Get<ConversationRecord>());
        var reply = await router.HandleAsync(request, cancellationToken);
        await turnContext.SendActivityAsync(ReplyRenderer.Render(reply, activity.ChannelId), cancellationToken);
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

    private ConversationRecord Seen(IActivity activity) => new()
    {
        ChannelId = activity.ChannelId,
        ConversationId = activity.Conversation.Id,
        ServiceUrl = string.IsNullOrEmpty(activity.ServiceUrl) ? null : activity.ServiceUrl,
        TenantId = activity.Conversation.TenantId,
        BotId = activity.Recipient?.Id,
        BotName = activity.Recipient?.Name,
        IsGroup = activity.Conversation.IsGroup == true,
        LastSeenAt = time.GetUtcNow(),
    };
}
