using System.Text.Json.Nodes;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom.Outgoing;

/// <summary>
/// The self-built app's message/send for one member: markdown, with the app's agent id, and the
/// access token in the query. A refused token (40001 / 40014 / 42001 / 41001) is renewed and the send
/// tried once more. A send WeCom accepts (errcode 0) may still name the member in invaliduser (or
/// unlicenseduser): then it did not reach them, and that is reported as the recipient gone.
/// </summary>
public sealed class WeComApp(IHttpClientFactory clients, WeComAppToken token, IOptions<WeComAppOptions> options)
{
    /// <summary>The app's markdown content: at most 2,048 UTF-8 bytes (doc/90236, doc/90853).</summary>
    public const int MaxMarkdownBytes = 2_048;

    public async Task SendMarkdownAsync(string userId, string markdown, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = new JsonObject
        {
            ["touser"] = userId,
            ["msgtype"] = "markdown",
            ["agentid"] = settings.AgentId,
            ["markdown"] = new JsonObject { ["content"] = markdown },
        };
        string? refused = null;
        for (var attempt = 1; ; attempt++)
        {
            var accessToken = await token.GetAsync(cancellationToken, refused);
            var answer = await WeComHttp.PostAsync(clients.CreateClient(WeComHttp.HttpClientName),
                settings.Api("/cgi-bin/message/send?access_token=" + Uri.EscapeDataString(accessToken)), (JsonObject)body.DeepClone(), "message/send", cancellationToken);
            var code = WeComHttp.ErrCode(answer);
            if (code == 0)
            {
                if (NotReached(answer, userId) is { } list)
                {
                    throw new TargetGoneException($"WeCom message/send: accepted, but {list} lists {userId}: the member is not in the app's reach");
                }

                return;
            }

            if (WeComErrors.IsTokenProblem(code) && attempt == 1)
            {
                refused = accessToken;
                continue;
            }

            throw WeComErrors.Of(code, WeComHttp.ErrMsg(answer), "message/send");
        }
    }

    /// <summary>Which list of a successful answer names the member, if any ("u1|u2", lower-cased by WeCom).</summary>
    private static string? NotReached(JsonObject answer, string userId)
    {
        foreach (var list in new[] { "invaliduser", "unlicenseduser" })
        {
            var names = answer[list] switch
            {
                JsonValue v when v.TryGetValue<string>(out var text) => text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                JsonArray a => a.Select(n => n?.ToString() ?? "").ToArray(),
                _ => [],
            };
            if (names.Any(n => string.Equals(n, userId, StringComparison.OrdinalIgnoreCase)))
            {
                return list;
            }
        }

        return null;
    }
}
