using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace CampaignBot.Bots;

/// <summary>POST /api/messages: the Bot Framework channel endpoint (Teams, Azure Bot Service, the Emulator).</summary>
public static class MessagesEndpoint
{
    /// <summary>Activities are small; attachments travel by URL. Anything larger is refused with 413.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, ILoggerFactory loggers)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        http.Request.EnableBuffering(MaxBodyBytes);
        string body;
        try
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, leaveOpen: true);
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            http.Response.StatusCode = e.StatusCode;
            return;
        }

        if (ActivityShape.Problem(body) is { } problem)
        {
            await Results.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest, title: "Not a usable activity").ExecuteAsync(http);
            return;
        }

        http.Request.Body.Position = 0;
        try
        {
            // The SDK authenticates the request (401 without a token when an app id is set), runs
            // the turn (its failures end in the adapter's OnTurnError), and answers expectReplies
            // requests with the replies in the body.
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
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
