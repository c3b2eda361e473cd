using CampaignBot.Chat.Replies;
using CampaignBot.Security;
using Microsoft.Bot.Builder;

namespace CampaignBot.Bots;

/// <summary>
/// What every adapter does when a turn throws: log it with the chat by its log name (docs/operations.md;
/// a 1:1 chat's id can be a person's account) and tell the person it failed, so nobody waits on an
/// answer that will not come. For a channel that redelivers (DingTalk, WeCom), a stopped turn
/// (OperationCanceledException) is rethrown, not answered: the channel gives its claim on the message
/// back and handles it again when it is redelivered.
/// </summary>
public static class FailedTurnReply
{
    public static Func<ITurnContext, Exception, Task> Handler(ILogger logger, ConversationLogHash logHash, ReplyTexts texts, bool redelivers = false) =>
        async (turnContext, exception) =>
        {
            if (redelivers && exception is OperationCanceledException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
            }

            var activity = turnContext.Activity;
            logger.LogError(exception, "Turn failed for activity {ActivityId} in {Channel} chat {Conversation}",
                activity.Id, activity.ChannelId, logHash.Of(activity.ChannelId, activity.Conversation?.Id));
            try
            {
                await turnContext.SendActivityAsync(texts.TurnError);
            }
            catch (Exception sendFailure)
            {
                // The channel may be what failed; the error is logged above and the turn still ends.
                logger.LogWarning(sendFailure, "Could not tell the {Channel} user about the failed turn", activity.ChannelId);
            }
        };
}
