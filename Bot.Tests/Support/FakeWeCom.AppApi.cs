using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// The self-built app's HTTP API: gettoken by corp id (40013) and app secret (40001); message/send
/// refusing a call without a current token (40014 unknown, 42001 expired), a wrong agent id (40056),
/// a body that is not markdown to someone (44004) or markdown over 2,048 bytes (45002); answering 81013
/// for a member it does not know and errcode 0 with invaliduser for one outside the app's reach. Also
/// the encrypted media files WeCom's messages point at.
/// </summary>
public sealed partial class FakeWeCom
{
    private readonly ConcurrentDictionary<string, bool> tokens = new();
    private int tokensIssued;

    /// <summary>Members the app may send to; others get 81013.</summary>
    public HashSet<string> Members { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Members WeCom accepts a send for but lists in invaliduser (outside the app's visible range, say).</summary>
    public HashSet<string> OutOfReach { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int TokensIssued => tokensIssued;

    /// <summary>Answers the next message/send with this errcode once (e.g. 45009, or -1 busy).</summary>
    public long? FailNextSendWith { get; set; }

    /// <summary>With <see cref="FailNextSendWith"/>: only once this many messages were delivered.</summary>
    public int FailAfterDelivered { get; set; }

    /// <summary>Encrypted files served at /media/{name}.</summary>
    public ConcurrentDictionary<string, byte[]> Media { get; } = new();

    /// <summary>Ends every token issued so far: WeCom answers 42001 (expired) to the next call with one.</summary>
    public void ExpireTokens()
    {
        foreach (var token in tokens.Keys)
        {
            tokens[token] = false;
        }
    }

    private void MapAppApi(WebApplication web)
    {
        web.MapGet("/cgi-bin/gettoken", (HttpRequest request) =>
        {
            if (request.Query["corpid"] != CorpId)
            {
                return Refuse("gettoken", 40013, "invalid corpid");
            }

            if (request.Query["corpsecret"] != AppSecret)
            {
                return Refuse("gettoken", 40001, "invalid credential");
            }

            var token = "tok-" + Guid.NewGuid().ToString("N");
            tokens[token] = true;
            Interlocked.Increment(ref tokensIssued);
            return Results.Json(new { errcode = 0, errmsg = "ok", access_token = token, expires_in = 7200 });
        });
        web.MapPost("/cgi-bin/message/send", async (HttpRequest request) =>
        {
            if (!tokens.TryGetValue(request.Query["access_token"].ToString(), out var live))
            {
                return Refuse("message/send", 40014, "invalid access_token");
            }

            if (!live)
            {
                return Refuse("message/send", 42001, "access_token expired");
            }

            if (FailNextSendWith is { } code && Delivered.Count >= FailAfterDelivered)
            {
                FailNextSendWith = null;
                return Results.Json(new { errcode = code, errmsg = "stand-in failure" });
            }

            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            if (body["agentid"]?.GetValue<long>() != AgentId)
            {
                return Refuse("message/send", 40056, "invalid agentid");
            }

            if (body["msgtype"]?.GetValue<string>() != "markdown" || body["touser"]?.GetValue<string>() is not { Length: > 0 } to)
            {
                return Refuse("message/send", 44004, "empty content or no recipient");
            }

            if (MarkdownProblem(body, AppMarkdownMaxBytes) is { } problem)
            {
                // The app's code for empty content is 44004; for content too long, 45002 as elsewhere.
                return Refuse("message/send", problem.Code == 45002 ? 45002 : 44004, problem.Why);
            }

            if (OutOfReach.Contains(to))
            {
                return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = to.ToLowerInvariant(), msgid = "m" });
            }

            if (!Members.Contains(to))
            {
                return Refuse("message/send", 81013, "user & party & tag all invalid");
            }

            Deliver("app", to, body);
            return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = "", msgid = "m" });
        });
        web.MapGet("/media/{name}", (string name) => Media.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
    }
}
