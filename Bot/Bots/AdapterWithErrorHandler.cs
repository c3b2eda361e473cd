using System.Security.Claims;
using CampaignBot.Chat.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace CampaignBot.Bots;

/// <summary>
/// The Bot Framework adapter with the one place where a failed turn is handled: log it, tell the
/// user in a sentence, and keep the conversation usable. One constructor, so the container can build it.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(
        BotFrameworkAuthentication authentication, ILogger<AdapterWithErrorHandler> logger, IOptions<CampaignOptions> options, Security.ConversationLogHash logHash)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            // The chat by its log name (docs/operations.md), as in the turn's scope, which has ended here.
            logger.LogError(exception, "Turn failed for activity {ActivityId} in {Channel} chat {Conversation}",
                turnContext.Activity.Id, turnContext.Activity.ChannelId, logHash.Of(turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id));
            try
            {
                await turnContext.SendActivityAsync(ReplyTexts.For(options.Value.DefaultLanguage).TurnError);
            }
            catch (Exception sendFailure)
            {
                // The channel may be what failed; the error is logged above and the request still completes.
                logger.LogWarning(sendFailure, "Could not tell the user about the failed turn");
            }
        };
    }

    /// <summary>
    /// Authenticates and runs an activity the endpoint has already read and checked (the SDK's
    /// ProcessAsync would read the body again). Throws UnauthorizedAccessException without a valid token.
    /// </summary>
    public Task<InvokeResponse> ProcessIncomingAsync(string authorization, Activity activity, IBot bot, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authorization, activity, bot.OnTurnAsync, cancellationToken);

    /// <summary>
    /// Runs an activity that a channel hosted by this process has already authenticated (the
    /// embedded Direct Line channel checks its own tokens), with the bot's identity: the same
    /// pipeline, bot and error handling as /api/messages.
    /// </summary>
    public Task<InvokeResponse> ProcessAuthenticatedAsync(ClaimsIdentity identity, Activity activity, IBot bot, CancellationToken cancellationToken) =>
        ProcessActivityAsync(
            new AuthenticateRequestResult { ClaimsIdentity = identity, ConnectorFactory = BotFrameworkAuthentication.CreateConnectorFactory(identity) },
            activity, bot.OnTurnAsync, cancellationToken);
}
