using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignBot.Bots;
using CampaignBot.Chat.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom;

/// <summary>
/// /api/wecom: WeCom's HTTP callback for the AI bot (WeCom:Mode Callback). GET is the URL check
/// (answer the decrypted echostr, bare); POST carries {"encrypt": "…"}. Nothing is read before the
/// signature over the ciphertext checks out (401 otherwise), and the message must decrypt for this
/// bot (receiveid ""). A message is acknowledged at once with an empty 200 (WeCom retries after five
/// seconds) and its turn runs in the background; the answer goes to its response url. With the
/// channel off, or in LongConnection mode, there is nothing here (404).
/// </summary>
public static class WeComCallbackEndpoint
{
    public const string Path = "/api/wecom";

    /// <summary>A callback is a few kilobytes; files travel by url.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, VerifyUrl);
        endpoints.MapPost(Path, ReceiveAsync);
        return endpoints;
    }

    private static IResult VerifyUrl(HttpContext http, IOptions<WeComOptions> options, ILoggerFactory loggers)
    {
        if (Crypto(options.Value) is not { } crypto)
        {
            return Results.NotFound();
        }

        var query = http.Request.Query;
        string echo = query["echostr"].ToString();
        if (!crypto.IsSigned(query["msg_signature"], query["timestamp"], query["nonce"], echo))
        {
            loggers.CreateLogger(typeof(WeComCallbackEndpoint)).LogWarning("Refused a WeCom URL check without a valid signature");
            return Results.Unauthorized();
        }

        try
        {
            // The bare text: no quotes, no newline (doc/101033).
            return Results.Text(crypto.Decrypt(echo), "text/plain");
        }
        catch (FormatException)
        {
            return Results.BadRequest();
        }
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, IOptions<WeComOptions> options, WeComAdapter adapter, IBot bot, IHttpClientFactory clients,
        IOptions<CampaignOptions> campaign, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        var settings = options.Value;
        if (Crypto(settings) is not { } crypto)
        {
            return Results.NotFound();
        }

        var logger = loggers.CreateLogger(typeof(WeComCallbackEndpoint));
        var (body, status) = await BoundedBody.ReadAsync(http, MaxBodyBytes);
        if (body is null)
        {
            return Results.StatusCode(status);
        }

        var encrypt = Encrypted(body);
        var query = http.Request.Query;
        if (!crypto.IsSigned(query["msg_signature"], query["timestamp"], query["nonce"], encrypt))
        {
            logger.LogWarning("Refused a WeCom callback without a valid signature");
            return Results.Unauthorized();
        }

        WeComMessage? message;
        try
        {
            message = WeComMessage.Parse(crypto.Decrypt(encrypt!));
        }
        catch (FormatException e)
        {
            logger.LogWarning("Refused a WeCom callback that does not decrypt for this bot: {Reason}", e.Message);
            return Results.BadRequest();
        }

        if (message is null)
        {
            return Results.BadRequest(new { message = "Not a WeCom AI bot message (msgid and from.userid are needed)." });
        }

        if (message.AiBotId is { } aiBotId && aiBotId != settings.BotId)
        {
            logger.LogWarning("Refused a WeCom callback for another bot");
            return Results.Unauthorized();
        }

        var replies = new WeComCallbackReplies(clients.CreateClient(WeComHttp.ClientName), AllowedResponseUrl(message.ResponseUrl, settings, logger),
            ReplyTexts.For(campaign.Value.DefaultLanguage), logger);
        // Acknowledged now; answered through the response url. The turn stops only when the bot does.
        _ = Task.Run(async () =>
        {
            try
            {
                await adapter.ProcessAsync(message, replies, bot, lifetime.ApplicationStopping);
            }
            catch (Exception e) when (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                logger.LogError(e, "WeCom callback message {MsgId} could not be handled", message.MsgId);
            }
            catch (Exception)
            {
                // Stopping: the claim was given back for WeCom's retry.
            }
        });
        return Results.Ok();
    }

    /// <summary>The callback mode's cipher, or null when this endpoint is off (no bot id, another mode, or no key).</summary>
    private static WeComCrypto? Crypto(WeComOptions settings) =>
        settings.Enabled && settings.Mode == WeComMode.Callback && settings.Token.Length > 0 && settings.EncodingAESKey.Length == 43
            ? new WeComCrypto(settings.Token, settings.EncodingAESKey, receiveId: "")
            : null;

    private static string? Encrypted(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject o && o["encrypt"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A response url is called only on WeCom's own host (WeCom:ApiBaseUrl): a message cannot send the bot elsewhere.</summary>
    private static string? AllowedResponseUrl(string? url, WeComOptions settings, ILogger logger)
    {
        if (url is null)
        {
            return null;
        }

        var api = new Uri(settings.ApiBaseUrl);
        if (Uri.TryCreate(url, UriKind.Absolute, out var target) && target.Scheme == api.Scheme && target.Authority == api.Authority)
        {
            return url;
        }

        logger.LogWarning("A WeCom callback named a response url outside WeCom:ApiBaseUrl; no reply is sent there");
        return null;
    }
}
