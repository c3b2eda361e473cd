using System.Security.Claims;
using CampaignBot.Chat.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CampaignBot.DingTalk;

/// <summary>
/// The Bot Framework adapter for DingTalk's enterprise-app robot, as the SDK's Slack, Webex and
/// Twilio adapters are for theirs: a robot message becomes an activity run through the same bot with
/// an identity DingTalk vouched for (a signed callback or the app's own stream), and the bot's
/// replies go back through the message's session webhook while it is valid, otherwise through the
/// app's send API. Each message is handled once, by its msgId, however often DingTalk delivers it.
/// Files DingTalk sends without words travel with the sender's next message (<see cref="DingTalkHeldFiles"/>).
/// </summary>
public sealed class DingTalkAdapter : BotAdapter
{
    private readonly DingTalkApi api;
    private readonly DingTalkStore store;
    private readonly DingTalkHeldFiles heldFiles;
    private readonly IOptions<DingTalkOptions> options;
    private readonly ReplyTexts texts;
    private readonly TimeProvider time;
    private readonly ILogger<DingTalkAdapter> logger;

    /// <summary>Chats are named in the log by their hash (docs/operations.md), never by their id.</summary>
    private readonly Security.ConversationLogHash logHash;

    public DingTalkAdapter(DingTalkApi api, DingTalkStore store, DingTalkHeldFiles heldFiles, IOptions<DingTalkOptions> options, IOptions<CampaignOptions> campaign, TimeProvider time, ILogger<DingTalkAdapter> logger,
        Security.ConversationLogHash logHash)
    {
        this.logHash = logHash;
        this.api = api;
        this.store = store;
        this.heldFiles = heldFiles;
        this.options = options;
        texts = ReplyTexts.For(campaign.Value.DefaultLanguage);
        this.time = time;
        this.logger = logger;
        OnTurnError = Bots.FailedTurnReply.Handler(logger, logHash, texts, redelivers: true);
    }

    /// <summary>Runs the bot for a message DingTalk delivered; false when it was handled before (a redelivery).</summary>
    public async Task<bool> ProcessAsync(DingTalkMessage message, IBot bot, CancellationToken cancellationToken)
    {
        if (!await store.TryClaimAsync(message.MsgId!, time.GetUtcNow(), cancellationToken))
        {
            logger.LogInformation("DingTalk message {MsgId} was delivered again; already handled", message.MsgId);
            return false;
        }

        try
        {
            await store.RememberChatAsync(new DingTalkStore.Chat { ConversationId = message.ConversationId!, IsGroup = message.IsGroup, StaffId = message.SenderStaffId },
                time.GetUtcNow(), cancellationToken);
            var activity = DingTalkActivity.From(message, options.Value);
            using var context = new TurnContext(this, activity);
            context.TurnState.Add(BotIdentityKey, Identity(message));
            context.TurnState.Add(message);
            context.TurnState.Add<IReplyRenderer>(new DingTalkReplyRenderer(texts));
            if (string.IsNullOrWhiteSpace(activity.Text) && activity.Attachments.Count > 0)
            {
                // Files alone (DingTalk cannot send words with a file): kept for the sender's next message.
                var count = heldFiles.Hold(activity.Conversation.Id, activity.From.Id, activity.Attachments);
                await RunPipelineAsync(context, (turn, token) => turn.SendActivityAsync(texts.FilesHeldForNextMessage(count, (int)DingTalkHeldFiles.HoldFor.TotalMinutes), cancellationToken: token), cancellationToken);
                await store.MarkHandledAsync(message.MsgId!, time.GetUtcNow(), CancellationToken.None);
                return true;
            }

            activity.Attachments = [.. heldFiles.Take(activity.Conversation.Id, activity.From.Id), .. activity.Attachments];
            await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
            await store.MarkHandledAsync(message.MsgId!, time.GetUtcNow(), CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // DingTalk does not send a robot message again (developerpedia "协议描述": fire-and-forget), so
            // the person is told now, or they would wait for an answer that never comes. The claim is
            // given back all the same, for the rare redelivery (a stream reconnect, a callback retried).
            logger.LogError(e, "DingTalk message {MsgId} in chat {Conversation} could not be handled", message.MsgId, logHash.Of(DingTalkChannel.ChannelId, message.ConversationId));
            await store.ReleaseAsync(message.MsgId!, CancellationToken.None);
            await TellFailedAsync(message);
            throw;
        }
        catch
        {
            // Stopped with the bot: the claim is given back, for a redelivery after the restart.
            await store.ReleaseAsync(message.MsgId!, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Tells the sender their message was not handled: through its session webhook, else through the app.</summary>
    private async Task TellFailedAsync(DingTalkMessage message)
    {
        var content = DingTalkRenderer.Plain(texts.TurnError);
        try
        {
            if (api.MayUseSessionWebhook(message.SessionWebhook, message.SessionWebhookExpiredTime))
            {
                await api.SendToSessionAsync(message.SessionWebhook!, content, CancellationToken.None);
            }
            else
            {
                await SendToChatAsync(message.ConversationId!, content, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not tell the DingTalk user that message {MsgId} failed", message.MsgId);
        }
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var incoming = turnContext.TurnState.Get<DingTalkMessage>();
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            if (activity.Type != ActivityTypes.Message)
            {
                // Typing indicators, traces: DingTalk has nothing to show for them.
                responses.Add(new ResourceResponse(activity.Id ?? ""));
                continue;
            }

            // A reply comes rendered (DingTalkReplyRenderer); other text (a greeting, an error) goes as text.
            var content = activity.ChannelData as DingTalkContent ?? DingTalkRenderer.Plain(activity.Text ?? "");
            if (incoming is not null && incoming.ConversationId == activity.Conversation?.Id
                && api.MayUseSessionWebhook(incoming.SessionWebhook, incoming.SessionWebhookExpiredTime))
            {
                await api.SendToSessionAsync(incoming.SessionWebhook!, content, cancellationToken);
            }
            else
            {
                await SendToChatAsync(activity.Conversation?.Id ?? "", content, cancellationToken);
            }

            responses.Add(new ResourceResponse(Guid.NewGuid().ToString("N")));
        }

        return [.. responses];
    }

    /// <summary>Sends through the app: a group by its conversation id, a 1:1 chat to the staff id of the person in it.</summary>
    public async Task SendToChatAsync(string conversationId, DingTalkContent content, CancellationToken cancellationToken)
    {
        var chat = await store.FindChatAsync(conversationId, cancellationToken)
            ?? throw new InvalidOperationException($"DingTalk chat {conversationId} has not written to the bot; it cannot be sent to");
        if (chat.IsGroup)
        {
            await api.SendToGroupAsync(conversationId, content, cancellationToken);
        }
        else
        {
            await api.SendToPersonAsync(chat.StaffId ?? throw new InvalidOperationException($"DingTalk chat {conversationId} has no staff id"), content, cancellationToken);
        }
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("DingTalk robot messages cannot be edited.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("DingTalk robot messages are not recalled by the bot.");

    /// <summary>The turn's identity: DingTalk vouched for the message (not the SDK's anonymous stand-in), so the bot treats it as authenticated.</summary>
    private ClaimsIdentity Identity(DingTalkMessage message) => new(
        [new Claim("appid", options.Value.ClientId), new Claim("dingtalk_staff_id", message.SenderStaffId!)],
        DingTalkChannel.AuthenticationType);
}
