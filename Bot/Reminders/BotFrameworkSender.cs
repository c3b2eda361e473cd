using System.Net;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;

namespace CampaignBot.Reminders;

/// <summary>
/// Sends a proactive message through the Bot Framework (CloudAdapter.ContinueConversationAsync),
/// the same way for Teams, the Emulator or any connector-compatible channel, and says whether a
/// failure is worth retrying.
/// </summary>
public sealed class BotFrameworkSender(CloudAdapter adapter, IConfiguration configuration, TimeProvider time) : IMessageSender
{
    public async Task SendAsync(PreparedMessage message, CancellationToken cancellationToken)
    {
        var delivery = (ReminderDelivery)message.Content;
        Exception? failure = null;
        await adapter.ContinueConversationAsync(configuration["MicrosoftAppId"] ?? string.Empty, delivery.Reference, async (turn, token) =>
        {
            // Caught here, not left to the adapter: its OnTurnError would log it and report success.
            try
            {
                await turn.SendActivityAsync(delivery.Activity, token);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, cancellationToken);

        if (failure is not null)
        {
            throw Classify(failure, cancellationToken);
        }
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
