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
/// bot (receiveid ""). WeCom retries after five seconds: a turn that answers within
/// WeCom:CallbackReplyWaitMilliseconds is answered in the response (encrypted); a slower one is
/// acknowledged with an empty 200, runs on, and answers through the response url. With the
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
        IOptions<CampaignOptions> campaign, TimeProvider time, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
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

        var texts = ReplyTexts.For(campaign.Value.DefaultLanguage);
        var replies = new WeComCallbackReplies(clients.CreateClient(WeComCallbackReplies.HttpClientName), AllowedResponseUrl(message.ResponseUrl, settings, logger),
            mayAnswerPassively: !message.IsEvent, texts, logger);
        // The turn stops only when the bot does, not when WeCom stops waiting for this answer.
        var turn = Task.Run(async () =>
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
        if (await replies.PassiveReplyAsync(turn, TimeSpan.FromMilliseconds(settings.CallbackReplyWaitMilliseconds)) is not { } first)
        {
            return Results.Ok(); // acknowledged; the answer goes to the response url
        }

        // One message: a longer list is trimmed, saying how many entries were left out.
        var markdown = WeComMarkdown.Fit(first, WeComMarkdown.ReplyMaxBytes, texts);
        var reply = WeComWire.StreamReply(WeComFrames.NewReqId("stream"), markdown, first.Card).ToJsonString();
        return Results.Json(PassiveBody(crypto, reply, time));
    }

    /// <summary>The encrypted passive reply: {encrypt, msgsignature, timestamp, nonce} (the official JSON sample's template).</summary>
    private static JsonObject PassiveBody(WeComCrypto crypto, string reply, TimeProvider time)
    {
        var encrypt = crypto.Encrypt(reply);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        return new JsonObject { ["encrypt"] = encrypt, ["msgsignature"] = crypto.Sign(timestamp, nonce, encrypt), ["timestamp"] = timestamp, ["nonce"] = nonce };
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
