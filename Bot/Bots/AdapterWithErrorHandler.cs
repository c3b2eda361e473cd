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
        OnTurnError = FailedTurnReply.Handler(logger, logHash, ReplyTexts.For(options.Value.DefaultLanguage));
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
