using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using CampaignBot.Security;

namespace CampaignBot.Bots;

/// <summary>POST /api/messages: the Bot Framework channel endpoint (Teams, Azure Bot Service, the Emulator).</summary>
public static class MessagesEndpoint
{
    /// <summary>Activities are small; attachments travel by URL. Anything larger is refused with 413.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        var trust = endpoints.ServiceProvider.GetRequiredService<ChannelTrust>();
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagesEndpoint));
        // Said once the bot listens: in Development the mode depends on where it listens.
        endpoints.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            if (trust.Mode == MessagesMode.UnauthenticatedByOperator)
            {
                logger.LogWarning("{Mode}", trust.Describe());
            }
            else
            {
                logger.LogInformation("{Mode}", trust.Describe());
            }
        });

        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, AdapterWithErrorHandler adapter, IBot bot, ChannelTrust trust, IInProcessConnector embedded, ILoggerFactory loggers)
    {
        if (trust.Mode == MessagesMode.Refused)
        {
            // Without an Azure registration nothing can prove who is calling; refused unread.
            await Results.Problem(
                detail: "This bot has no MicrosoftAppId, so /api/messages cannot authenticate callers. Use the Web Chat page, or set MicrosoftAppId (or, on a closed network, MessagesEndpoint:AllowUnauthenticated).",
                statusCode: StatusCodes.Status401Unauthorized, title: "Unauthenticated").ExecuteAsync(http);
            return;
        }

        var (body, status) = await BoundedBody.ReadAsync(http, MaxBodyBytes);
        if (body is null)
        {
            http.Response.StatusCode = status;
            return;
        }

        if (ActivityShape.Read(body, out var activity) is { } problem)
        {
            await Results.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest, title: "Not a usable activity").ExecuteAsync(http);
            return;
        }

        if (string.Equals(activity!.ChannelId, ChannelIds.DingTalk, StringComparison.OrdinalIgnoreCase))
        {
            // DingTalk staff ids speak for their people without 关联: only the DingTalk channel, which
            // checks DingTalk's own credentials, may say a message comes from DingTalk.
            await Results.Problem(detail: "DingTalk messages come through the DingTalk channel, not /api/messages.",
                statusCode: StatusCodes.Status403Forbidden, title: "Channel not accepted here").ExecuteAsync(http);
            return;
        }

        if (string.Equals(activity.ChannelId, ChannelIds.WeCom, StringComparison.OrdinalIgnoreCase))
        {
            // The same for WeCom: its userids are vouched for by WeCom's long connection or signed callback only.
            await Results.Problem(detail: "WeCom messages come through the WeCom channel, not /api/messages.",
                statusCode: StatusCodes.Status403Forbidden, title: "Channel not accepted here").ExecuteAsync(http);
            return;
        }

        if (await embedded.OwnsAsync(activity.ChannelId, activity.Conversation.Id, http.RequestAborted))
        {
            // A Web Chat conversation of the bot's own channel is spoken in only through that channel
            // (its token names the user): nothing from here may write into it or change its chat.
            await Results.Problem(detail: "This conversation belongs to the bot's own Web Chat channel.",
                statusCode: StatusCodes.Status403Forbidden, title: "Conversation not accepted here").ExecuteAsync(http);
            return;
        }

        if (trust.AcceptsUnauthenticated && string.IsNullOrEmpty(http.Request.Headers.Authorization)
            && activity!.DeliveryMode != DeliveryModes.ExpectReplies && !trust.MayCall(activity.ServiceUrl, authenticated: false))
        {
            // Checked before the turn, so that nothing changes for a request the bot could not answer.
            await Results.Problem(
                detail: "An unauthenticated message is answered in the response (deliveryMode expectReplies) or at a serviceUrl on MessagesEndpoint:UnauthenticatedServiceUrlHosts.",
                statusCode: StatusCodes.Status403Forbidden, title: "serviceUrl not allowed").ExecuteAsync(http);
            return;
        }

        try
        {
            // The SDK authenticates the request (a missing or bad token throws), runs the turn (its
            // failures end in the adapter's OnTurnError), and for expectReplies and invokes returns
            // the response, written here as the SDK's own ProcessAsync writes it. The activity is
            // the one already read above: parsing it a second time cost measurable throughput.
            var response = await adapter.ProcessIncomingAsync(http.Request.Headers.Authorization.ToString(), activity!, bot, http.RequestAborted);
            if (response is null)
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
            }
            else
            {
                await HttpHelper.WriteResponseAsync(http.Response, response);
            }
        }
        catch (UnauthorizedAccessException) when (!http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (Exception e) when (!http.Response.HasStarted && TokenCheck.IsUnverifiable(e))
        {
            // The SDK lets a malformed token, or one whose signing keys cannot be fetched, escape as
            // an exception; either way the request is not authenticated, so refuse it.
            var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
            if (TokenCheck.IsKeyDiscoveryFailure(e))
            {
                logger.LogError(e, "Cannot verify Bot Framework tokens: the signing keys could not be fetched");
            }
            else
            {
                logger.LogWarning("Refused a request with an invalid token: {Reason}", e.Message);
            }

            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }
}
