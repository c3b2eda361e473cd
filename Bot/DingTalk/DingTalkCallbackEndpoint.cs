using CampaignBot.Bots;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace CampaignBot.DingTalk;

/// <summary>
/// POST /api/dingtalk: DingTalk's HTTP callback for robot messages (DingTalk:Mode Http). A request is
/// read only after its timestamp/sign headers prove it came from DingTalk within the hour; anything
/// else is 401 and changes nothing. With the channel off, or in Stream mode, there is nothing here (404).
/// </summary>
public static class DingTalkCallbackEndpoint
{
    public const string Path = "/api/dingtalk";

    /// <summary>A robot message is a few kilobytes; files travel by download code.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapDingTalk(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, IOptions<DingTalkOptions> options, DingTalkAdapter adapter, DingTalkStore store, IBot bot, TimeProvider time, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Mode != DingTalkMode.Http)
        {
            return Results.NotFound();
        }

        if (!DingTalkCallbackSignature.IsValid(http.Request.Headers["timestamp"], http.Request.Headers["sign"], settings.ClientSecret, time.GetUtcNow()))
        {
            loggers.CreateLogger(typeof(DingTalkCallbackEndpoint)).LogWarning("Refused a DingTalk callback without a valid signature");
            return Results.Unauthorized();
        }

        var (body, status) = await BoundedBody.ReadAsync(http, MaxBodyBytes);
        if (body is null)
        {
            return Results.StatusCode(status);
        }

        if (DingTalkMessage.Parse(body) is not { } message)
        {
            return Results.BadRequest(new { message = "Not a DingTalk robot message (msgId, conversationId and senderStaffId are needed)." });
        }

        if (string.IsNullOrEmpty(message.RobotCode))
        {
            // DingTalk names the robot on every message; one without is not DingTalk's, or not for a robot.
            return Results.BadRequest(new { message = "Not a DingTalk robot message: robotCode is required." });
        }

        // The signature covers only its millisecond: a message must be for this app's robot, and the
        // same signed message is taken once (a replayed request is refused).
        if (message.RobotCode != settings.EffectiveRobotCode
            || !await store.TryRecordSignatureAsync(message.MsgId!, http.Request.Headers["sign"].ToString(), time.GetUtcNow(), CancellationToken.None))
        {
            loggers.CreateLogger(typeof(DingTalkCallbackEndpoint)).LogWarning("Refused a DingTalk callback replayed with its signature, or for another robot");
            return Results.Unauthorized();
        }

        // Answered in the chat (session webhook or send API), not in this response. The turn is not
        // cancelled when DingTalk stops waiting for this answer, only when the bot stops.
        await adapter.ProcessAsync(message, bot, lifetime.ApplicationStopping);
        return Results.Ok();
    }
}
