using System.Net;
using CampaignBot.Bots.Cards;
using CampaignBot.Chat.Outgoing;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;

namespace CampaignBot.Bots;

/// <summary>
/// Sends a proactive message through the Bot Framework (CloudAdapter.ContinueConversationAsync),
/// the same way for Teams, the Emulator, Web Chat or any connector-compatible channel: an Adaptive
/// Card with buttons where the channel shows them, the report's chart inline. It says whether a failure
/// is worth retrying. The conversation is rebuilt from the stored chat (never kept in memory).
/// </summary>
public sealed class BotFrameworkSender(CloudAdapter adapter, ConversationRepository conversations, IConfiguration configuration, TimeProvider time) : IChannelSender
{
    public bool Delivers(MessageTarget target) => target is ChatTarget;

    public bool CatchesAll => true;

    public async Task SendAsync(MessageTarget target, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var reference = await ReferenceAsync((ChatTarget)target, cancellationToken);
        var activity = AdaptiveCardRenderer.Instance.Render(message.Reply, reference.ChannelId);
        Exception? failure = null;
        BotCallbackHandler send = async (turn, token) =>
        {
            // Caught here, not left to the adapter: its OnTurnError would log it and report success.
            try
            {
                await turn.SendActivityAsync(activity, token);
            }
            catch (Exception e)
            {
                failure = e;
            }
        };
        var appId = configuration["MicrosoftAppId"] ?? string.Empty;
        if (reference.ServiceUrl == EmbeddedChannelIdentity.ServiceUrl && reference.ChannelId == Microsoft.Bot.Connector.Channels.Directline)
        {
            // A chat the embedded Web Chat channel stored (only its turns can store this mark): the
            // proactive turn runs with that channel's identity, whose connector writes into its store.
            reference.ServiceUrl = EmbeddedChannelIdentity.ProactiveServiceUrl;
            await adapter.ContinueConversationAsync(EmbeddedChannelIdentity.Create(appId), reference, null, send, cancellationToken);
        }
        else
        {
            await adapter.ContinueConversationAsync(appId, reference, send, cancellationToken);
        }

        if (failure is not null)
        {
            throw Classify(failure, cancellationToken);
        }
    }

    private async Task<ConversationReference> ReferenceAsync(ChatTarget chat, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindAsync(chat.ChannelId, chat.ConversationId, cancellationToken)
            ?? throw new InvalidOperationException($"No conversation {chat} is known.");
        if (conversation.ServiceUrl is null)
        {
            throw new InvalidOperationException($"Conversation {chat} has no service url to send to.");
        }

        return new ConversationReference
        {
            ChannelId = conversation.ChannelId,
            ServiceUrl = conversation.ServiceUrl,
            Conversation = new ConversationAccount(conversation.IsGroup, id: conversation.ConversationId, tenantId: conversation.TenantId),
            Bot = new ChannelAccount(conversation.BotId, conversation.BotName),
        };
    }

    private Exception Classify(Exception failure, CancellationToken cancellationToken) => failure switch
    {
        ErrorResponseException { Response.StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.NotFound } e =>
            new TargetGoneException($"{(int)e.Response.StatusCode} {e.Response.ReasonPhrase}", e),
        ErrorResponseException { Response.StatusCode: HttpStatusCode.TooManyRequests } e =>
            new TransientSendException("429 Too Many Requests", RetryAfter(e.Response.Headers), e),
        ErrorResponseException { Response.StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout } e =>
            new TransientSendException($"{(int)e.Response.StatusCode} {e.Response.ReasonPhrase}", null, e),
        HttpRequestException e => new TransientSendException(e.Message, null, e),
        OperationCanceledException e when !cancellationToken.IsCancellationRequested => new TransientSendException("timed out", null, e),
        _ => failure,
    };

    /// <summary>Retry-After as seconds or as an HTTP date.</summary>
    private TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, out var date) ? date - time.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero : null;
    }
}
