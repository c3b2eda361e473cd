using System.Security.Claims;
using CampaignBot.Chat.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom;

/// <summary>
/// The Bot Framework adapter for WeCom's AI bot (智能机器人), as DingTalkAdapter is for DingTalk's
/// robot: a message, or a click on a button of one of the bot's cards, becomes an activity run through
/// the same bot with an identity WeCom vouched for; the replies, rendered from the reply model
/// (<see cref="WeComReplyRenderer"/>), go where the message's transport says (<see cref="IWeComReplies"/>).
/// Each msgid is handled once, however often WeCom delivers it. A turn that fails tells the person.
/// </summary>
public sealed class WeComAdapter : BotAdapter
{
    private readonly WeComStore store;
    private readonly IOptions<WeComOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<WeComAdapter> logger;

    public WeComAdapter(
        WeComStore store, IOptions<WeComOptions> options, IOptions<CampaignOptions> campaign, TimeProvider time, ILogger<WeComAdapter> logger,
        Security.ConversationLogHash logHash)
    {
        this.store = store;
        this.options = options;
        this.time = time;
        this.logger = logger;
        var texts = ReplyTexts.For(campaign.Value.DefaultLanguage);
        OnTurnError = Bots.FailedTurnReply.Handler(logger, logHash, texts, redelivers: true);
    }

    /// <summary>
    /// Runs the bot for a message (or a button click) WeCom delivered; false when there is nothing to
    /// run (another event) or it was handled before (a redelivery).
    /// </summary>
    public async Task<bool> ProcessAsync(WeComMessage message, IWeComReplies replies, IBot bot, CancellationToken cancellationToken)
    {
        if (message.IsEvent && !message.IsButtonClick)
        {
            // Entering a chat, feedback: nothing is asked, so nothing is answered.
            return false;
        }

        if (!await store.TryClaimAsync(message.MsgId, time.GetUtcNow(), cancellationToken))
        {
            logger.LogInformation("WeCom message {MsgId} was delivered again; already handled", message.MsgId);
            return false;
        }

        try
        {
            var activity = WeComActivity.From(message, options.Value);
            using var context = new TurnContext(this, activity);
            context.TurnState.Add(BotIdentityKey, Identity(message));
            context.TurnState.Add(replies);
            context.TurnState.Add<IReplyRenderer>(WeComReplyRenderer.Instance);
            await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
            await store.MarkHandledAsync(message.MsgId, time.GetUtcNow(), CancellationToken.None);
            return true;
        }
        catch
        {
            await store.ReleaseAsync(message.MsgId, CancellationToken.None);
            throw;
        }
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var replies = turnContext.TurnState.Get<IWeComReplies>()
            ?? throw new InvalidOperationException("A WeCom turn has no reply target; proactive sends go through the outbox's WeCom sender.");
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypes.Message)
            {
                // A reply comes rendered (WeComReplyRenderer); other text (a greeting, an error) as escaped markdown.
                await replies.ReplyAsync(activity.ChannelData as WeComContent ?? WeComRenderer.Plain(activity.Text ?? ""), cancellationToken);
            }

            // Typing indicators, traces: WeCom has nothing to show for them.
            responses.Add(new ResourceResponse(Guid.NewGuid().ToString("N")));
        }

        return [.. responses];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeCom AI bot messages are not edited by the bot.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeCom AI bot messages are not recalled by the bot.");

    /// <summary>The turn's identity: WeCom vouched for the message, so the bot treats it as authenticated.</summary>
    private ClaimsIdentity Identity(WeComMessage message) => new(
        [new Claim("appid", options.Value.BotId), new Claim("wecom_userid", message.UserId)],
        WeComChannel.AuthenticationType);
}
