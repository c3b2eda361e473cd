using System.Globalization;
using System.Text;
using CampaignBot.Bots;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace CampaignBot.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST surface that Web Chat and botframework-directlinejs use, under
/// /v3/directline (the client's <c>domain</c> option): tokens, conversations, activities with
/// watermarks. Uploads and the WebSocket stream are in their own files.
/// </summary>
public static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix);
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(DirectLineRateLimits.Messages);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapDirectLineUploads();
        group.MapDirectLineStream();
        endpoints.MapEmbeddedConnector();
        return endpoints;
    }

    /// <summary>Secret only: a token for a new conversation, for the user named in the body (or a new "dl_" user).</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens, DirectLineStore store)
    {
        var (caller, refusal) = await DirectLineCaller.ReadAsync(http, secret, tokens);
        if (caller is null || !caller.HasSecret)
        {
            return refusal ?? DirectLineErrors.Forbidden("Only the secret can generate tokens.");
        }

        var (userId, userName, problem) = await ReadUserAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        var conversation = await store.CreateAsync(userId ?? DirectLineStore.NewId("dl_"), userName, http.RequestAborted);
        return Results.Json(TokenBody(conversation, tokens));
    }

    private static async Task<IResult> RefreshTokenAsync(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens, DirectLineStore store)
    {
        var (caller, refusal) = await DirectLineCaller.ReadAsync(http, secret, tokens);
        if (caller?.Grant is not { } grant)
        {
            return refusal ?? DirectLineErrors.BadArgument("Refresh a token, not the secret.");
        }

        var conversation = await store.FindAsync(grant.ConversationId, http.RequestAborted);
        return conversation is null ? DirectLineErrors.NotFound("The conversation no longer exists.") : Results.Json(TokenBody(conversation, tokens));
    }

    /// <summary>
    /// With a token: starts (or resumes) the token's conversation. With the secret: a new
    /// conversation for the user in the body. The bot hears a conversationUpdate when a conversation
    /// has nothing in it yet, and greets.
    /// </summary>
    private static async Task<IResult> StartConversationAsync(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens, DirectLineStore store, DirectLineChannel channel, IBot bot)
    {
        var (caller, refusal) = await DirectLineCaller.ReadAsync(http, secret, tokens);
        if (caller is null)
        {
            return refusal!;
        }

        DirectLineConversation? conversation;
        if (caller.Grant is { } grant)
        {
            conversation = await store.FindAsync(grant.ConversationId, http.RequestAborted);
            if (conversation is null)
            {
                return DirectLineErrors.NotFound("The token's conversation does not exist.");
            }
        }
        else
        {
            var (userId, userName, problem) = await ReadUserAsync(http);
            if (problem is not null)
            {
                return problem;
            }

            conversation = await store.CreateAsync(userId ?? DirectLineStore.NewId("dl_"), userName, http.RequestAborted);
        }

        var greeted = await channel.StartOnceAsync(conversation, bot);
        return Results.Json(ConversationBody(http, conversation, tokens, watermark: null), statusCode: greeted ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>Reconnect: a fresh token and stream url for a conversation the caller may use.</summary>
    private static async Task<IResult> ReconnectAsync(HttpContext http, string conversationId, string? watermark, DirectLineSecret secret, DirectLineTokens tokens, DirectLineStore store)
    {
        var (conversation, refusal) = await AuthorizeAsync(http, conversationId, secret, tokens, store);
        if (conversation is null)
        {
            return refusal!;
        }

        var (from, problem) = await ReadWatermarkAsync(watermark, conversation, store, http.RequestAborted);
        return problem ?? Results.Json(ConversationBody(http, conversation, tokens, from));
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http, string conversationId, DirectLineSecret secret, DirectLineTokens tokens, DirectLineStore store, DirectLineChannel channel, IBot bot,
        Microsoft.Extensions.Options.IOptions<LimitsOptions> limits)
    {
        var (conversation, refusal) = await AuthorizeAsync(http, conversationId, secret, tokens, store);
        if (conversation is null)
        {
            return refusal!;
        }

        // A declared length over the limit is refused unread; an undeclared one is cut off while reading.
        var maxBytes = limits.Value.MaxActivityBytes;
        var body = http.Request.ContentLength > maxBytes ? null : await ReadBodyAsync(http, maxBytes);
        if (body is null)
        {
            return DirectLineErrors.TooLarge(maxBytes, "An activity");
        }

        if (ActivityShape.Parse(body, out var activity) is { } problem)
        {
            return DirectLineErrors.BadArgument(problem);
        }

        if (TextTooLong(activity!, limits.Value) is { } tooLong)
        {
            return tooLong;
        }

        var id = await channel.PostFromUserAsync(conversation, activity!, bot);
        return Results.Json(new { id });
    }

    private static async Task<IResult> GetActivitiesAsync(HttpContext http, string conversationId, string? watermark, DirectLineSecret secret, DirectLineTokens tokens, DirectLineStore store)
    {
        var (conversation, refusal) = await AuthorizeAsync(http, conversationId, secret, tokens, store);
        if (conversation is null)
        {
            return refusal!;
        }

        var (from, problem) = await ReadWatermarkAsync(watermark, conversation, store, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var (activities, next) = await store.ReadAfterAsync(conversation.Id, from ?? 0, http.RequestAborted);
        return Results.Bytes(ActivitySetJson(activities, next), "application/json; charset=utf-8");
    }

    /// <summary>A message's text over <see cref="LimitsOptions.MaxMessageCharacters"/>: refused whole (413), never cut, so nothing half is kept.</summary>
    public static IResult? TextTooLong(Microsoft.Bot.Schema.Activity activity, LimitsOptions limits) =>
        activity.Text is { } text && text.Length > limits.MaxMessageCharacters
            ? DirectLineErrors.Of(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig",
                $"A message is limited to {limits.MaxMessageCharacters:N0} characters (this one has {text.Length:N0}); send longer material as a file.")
            : null;

    /// <summary>
    /// An ActivitySet from stored activity JSON, without parsing it again: the stored bytes copied
    /// once into the message (an answer's card is tens of KB; as strings it was copied three times).
    /// </summary>
    public static byte[] ActivitySetJson(IReadOnlyList<byte[]> activities, long watermark)
    {
        ReadOnlySpan<byte> head = """{"activities":["""u8;
        ReadOnlySpan<byte> middle = "],\"watermark\":\""u8;
        ReadOnlySpan<byte> tail = "\"}"u8;
        var number = watermark.ToString(CultureInfo.InvariantCulture);
        var length = head.Length + Math.Max(0, activities.Count - 1) + middle.Length + number.Length + tail.Length;
        foreach (var activity in activities)
        {
            length += activity.Length;
        }

        var set = new byte[length];
        var at = set.AsSpan();
        head.CopyTo(at);
        at = at[head.Length..];
        for (var i = 0; i < activities.Count; i++)
        {
            if (i > 0)
            {
                at[0] = (byte)',';
                at = at[1..];
            }

            activities[i].CopyTo(at);
            at = at[activities[i].Length..];
        }

        middle.CopyTo(at);
        at = at[middle.Length..];
        at = at[Encoding.ASCII.GetBytes(number, at)..];
        tail.CopyTo(at);
        return set;
    }

    /// <summary>The caller's conversation, or the refusal: no credentials, a token for another conversation, an unknown one.</summary>
    public static async Task<(DirectLineConversation? Conversation, IResult? Refusal)> AuthorizeAsync(
        HttpContext http, string conversationId, DirectLineSecret secret, DirectLineTokens tokens, DirectLineStore store)
    {
        var (conversation, _, refusal) = await AuthorizeCallerAsync(http, conversationId, secret, tokens, store);
        return (conversation, refusal);
    }

    /// <summary>As <see cref="AuthorizeAsync"/>, with the caller (whose token's expiry ends a stream).</summary>
    public static async Task<(DirectLineConversation? Conversation, DirectLineCaller? Caller, IResult? Refusal)> AuthorizeCallerAsync(
        HttpContext http, string conversationId, DirectLineSecret secret, DirectLineTokens tokens, DirectLineStore store, bool allowQueryToken = false)
    {
        var (caller, refusal) = await DirectLineCaller.ReadAsync(http, secret, tokens, allowQueryToken);
        if (caller is null)
        {
            return (null, null, refusal);
        }

        if (!caller.MayUse(conversationId))
        {
            return (null, null, DirectLineErrors.Forbidden("The token is for another conversation."));
        }

        var conversation = await store.FindAsync(conversationId, http.RequestAborted);
        return conversation is null ? (null, null, DirectLineErrors.NotFound("No such conversation.")) : (conversation, caller, null);
    }

    /// <summary>A watermark is a number the conversation has reached; one from the future is refused, not silently reset.</summary>
    public static async Task<(long? Watermark, IResult? Problem)> ReadWatermarkAsync(string? text, DirectLineConversation conversation, DirectLineStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(text) || text == "-")
        {
            return (null, null);
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var watermark))
        {
            return (null, DirectLineErrors.BadArgument($"The watermark '{text}' is not a number."));
        }

        return watermark > await store.LatestWatermarkAsync(conversation.Id, cancellationToken)
            ? (null, DirectLineErrors.BadArgument($"The watermark {watermark} is ahead of the conversation."))
            : (watermark, null);
    }

    private static object TokenBody(DirectLineConversation conversation, DirectLineTokens tokens) => new
    {
        conversationId = conversation.Id,
        token = tokens.Issue(conversation.Id, conversation.UserId, conversation.UserName),
        expires_in = (int)tokens.Lifetime.TotalSeconds,
    };

    private static object ConversationBody(HttpContext http, DirectLineConversation conversation, DirectLineTokens tokens, long? watermark)
    {
        var token = tokens.Issue(conversation.Id, conversation.UserId, conversation.UserName);
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var streamUrl = $"{scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream"
            + $"?watermark={watermark?.ToString(CultureInfo.InvariantCulture) ?? "-"}&t={Uri.EscapeDataString(token)}";
        return new { conversationId = conversation.Id, token, expires_in = (int)tokens.Lifetime.TotalSeconds, streamUrl };
    }

    /// <summary>The optional <c>{"user": {"id", "name"}}</c> of a token or conversation request.</summary>
    private static async Task<(string? Id, string? Name, IResult? Problem)> ReadUserAsync(HttpContext http)
    {
        var body = await ReadBodyAsync(http, 16 * 1024);
        if (body is null)
        {
            return (null, null, DirectLineErrors.BadArgument("The body is too large."));
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, null);
        }

        try
        {
            var user = JObject.Parse(body)["user"] as JObject;
            var id = user?["id"]?.Value<string>();
            return (string.IsNullOrWhiteSpace(id) ? null : id.Trim(), user?["name"]?.Value<string>(), null);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException or FormatException)
        {
            return (null, null, DirectLineErrors.BadArgument($"The body is not a valid request: {e.Message}"));
        }
    }

    /// <summary>The body as text, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<string?> ReadBodyAsync(HttpContext http, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
