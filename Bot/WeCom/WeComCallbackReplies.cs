using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Chat.Replies;

namespace CampaignBot.WeCom;

/// <summary>
/// A turn's replies in callback mode. WeCom waits five seconds for the HTTP answer: a first reply
/// ready within WeCom:CallbackReplyWaitMilliseconds goes back in it (the passive reply, doc/101031:
/// the markdown with its card, encrypted); otherwise the callback is acknowledged with an empty 200
/// and the reply goes to the message's response url (doc/101138: one call per url, within an hour,
/// markdown or a card), as the markdown trimmed to one message, saying how many entries were left out
/// (its buttons' commands can be typed). A button press is never answered passively (WeCom lets a
/// press only update its card). A reply with nowhere left to go is logged.
/// </summary>
public sealed class WeComCallbackReplies(HttpClient http, string? responseUrl, bool mayAnswerPassively, ReplyTexts texts, ILogger logger) : IWeComReplies
{
    /// <summary>The named HTTP client for response urls (they carry their credential in the address: no request logging, no redirects).</summary>
    public const string HttpClientName = "wecom-response-url";

    private readonly TaskCompletionSource<WeComContent> passive = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private bool passiveClosed = !mayAnswerPassively;
    private bool urlUsed;

    /// <summary>The first reply, for the HTTP answer, or null when none came in <paramref name="wait"/> (the response url takes it then).</summary>
    public async Task<WeComContent?> PassiveReplyAsync(Task turn, TimeSpan wait)
    {
        await Task.WhenAny(passive.Task, turn, Task.Delay(wait));
        lock (gate)
        {
            passiveClosed = true;
            return passive.Task.IsCompletedSuccessfully ? passive.Task.Result : null;
        }
    }

    public async Task ReplyAsync(WeComContent content, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!passiveClosed)
            {
                passiveClosed = true;
                passive.SetResult(content);
                return;
            }
        }

        if (urlUsed || responseUrl is null)
        {
            logger.LogWarning("A WeCom callback reply had no response url left to go to: dropped");
            return;
        }

        urlUsed = true;
        using var response = await http.PostAsJsonAsync(responseUrl, WeComWire.Markdown(WeComMarkdown.Fit(content, WeComMarkdown.MessageMaxBytes, texts)), cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        var errcode = answer?["errcode"]?.GetValue<int>();
        if (!response.IsSuccessStatusCode || errcode is not (null or 0))
        {
            throw new WeComException($"WeCom refused the reply: HTTP {(int)response.StatusCode}, errcode {errcode} {answer?["errmsg"]}", errcode);
        }
    }
}
