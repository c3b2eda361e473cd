namespace CampaignBot.DirectLine;

/// <summary>
/// Who is calling the Direct Line surface: the holder of the secret (a trusted server-side client),
/// or the holder of a token for one user in one conversation.
/// </summary>
public sealed record DirectLineCaller(bool HasSecret, DirectLineGrant? Grant)
{
    /// <summary>Whether this caller may read and post in <paramref name="conversationId"/>.</summary>
    public bool MayUse(string conversationId) => HasSecret || Grant?.ConversationId == conversationId;

    /// <summary>
    /// Reads "Authorization: Bearer ..." (or, for a WebSocket, which cannot send headers, the "t"
    /// query parameter): the secret, or a valid token; otherwise the error to answer with.
    /// </summary>
    public static async Task<(DirectLineCaller? Caller, IResult? Refusal)> ReadAsync(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens, bool allowQueryToken = false)
    {
        // Read once a request: the rate limiter names the caller before the endpoint does.
        var key = allowQueryToken ? ReadWithQueryToken : ReadFromHeader;
        if (http.Items.TryGetValue(key, out var earlier) && earlier is ValueTuple<DirectLineCaller?, IResult?> read)
        {
            return read;
        }

        var result = await ReadUncachedAsync(http, secret, tokens, allowQueryToken);
        http.Items[key] = result;
        return result;
    }

    private static readonly object ReadFromHeader = new();
    private static readonly object ReadWithQueryToken = new();

    private static async Task<(DirectLineCaller? Caller, IResult? Refusal)> ReadUncachedAsync(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens, bool allowQueryToken)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (presented is null && allowQueryToken)
        {
            presented = http.Request.Query["t"].ToString();
        }

        if (string.IsNullOrEmpty(presented))
        {
            return (null, DirectLineErrors.Unauthorized("A Direct Line secret or token is required (Authorization: Bearer ...)."));
        }

        if (secret.Matches(presented))
        {
            return (new DirectLineCaller(true, null), null);
        }

        var (grant, problem) = await tokens.ReadAsync(presented);
        return problem switch
        {
            TokenProblem.None => (new DirectLineCaller(false, grant), null),
            TokenProblem.Expired => (null, DirectLineErrors.Forbidden("The token has expired.")),
            _ => (null, DirectLineErrors.Unauthorized("The token is not valid.")),
        };
    }
}
