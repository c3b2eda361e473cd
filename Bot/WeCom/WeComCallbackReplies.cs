using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Chat.Replies;

namespace CampaignBot.WeCom;

/// <summary>
/// A turn's reply in callback mode: the callback was acknowledged at once (WeCom waits five seconds),
/// and the answer goes to the message's response url (doc/101138: one call per url, within an hour,
/// markdown or a template card). One message only, so it is the markdown, trimmed to fit, saying how
/// many entries were left out; the card is not sent (its buttons' commands can be typed). A later
/// reply in the same turn has nowhere to go and is logged.
/// </summary>
public sealed class WeComCallbackReplies(HttpClient http, string? responseUrl, ReplyTexts texts, ILogger logger) : IWeComReplies
{
    private bool used;

    public async Task ReplyAsync(WeComContent content, CancellationToken cancellationToken)
    {
        if (used || responseUrl is null)
        {
            logger.LogWarning("A WeCom callback reply had no response url left to go to: dropped");
            return;
        }

        used = true;
        using var response = await http.PostAsJsonAsync(responseUrl, WeComWire.Markdown(WeComMarkdown.Fit(content, WeComMarkdown.MessageMaxBytes, texts)), cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        var errcode = answer?["errcode"]?.GetValue<int>();
        if (!response.IsSuccessStatusCode || errcode is not (null or 0))
        {
            throw new WeComException($"WeCom refused the reply: HTTP {(int)response.StatusCode}, errcode {errcode} {answer?["errmsg"]}", errcode);
        }
    }
}
