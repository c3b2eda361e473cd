using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CampaignBot.Tests.Support;

/// <summary>
/// The bodies WeCom takes, and what it answers one it does not: 40008 for a wrong shape, 45002 for
/// content over its byte limit (the official Node SDK's rules for streams and cards; docs/wecom.md for
/// the markdown limits).
/// </summary>
public sealed partial class FakeWeCom
{
    /// <summary>A stream reply's content (aibot_respond_msg).</summary>
    public const int StreamMaxBytes = 20_480;

    /// <summary>Markdown sent on its own by the AI bot: aibot_send_msg, a response url.</summary>
    public const int BotMarkdownMaxBytes = 4_096;

    /// <summary>Markdown sent by the self-built app (message/send).</summary>
    public const int AppMarkdownMaxBytes = 2_048;

    /// <summary>A reply under a message's req_id: a stream, a card, or both, each well formed.</summary>
    private static (int Code, string Why)? ReplyProblem(JsonObject? body) => body?["msgtype"]?.GetValue<string>() switch
    {
        "stream" => StreamProblem(body),
        "stream_with_template_card" => StreamProblem(body) ?? CardProblem(body["template_card"], required: true),
        "template_card" => CardProblem(body["template_card"], required: true),
        _ => (40008, "msgtype not stream, template_card or stream_with_template_card"),
    };

    /// <summary>A stream's shape: an id, and content within 20,480 bytes.</summary>
    private static (int Code, string Why)? StreamProblem(JsonObject body) =>
        body["stream"] is not JsonObject stream ? (40008, "stream missing")
        : string.IsNullOrEmpty(stream["id"]?.GetValue<string>()) ? (40008, "stream.id missing")
        : Encoding.UTF8.GetByteCount(stream["content"]?.GetValue<string>() ?? "") > StreamMaxBytes ? (45002, $"stream.content over {StreamMaxBytes} bytes")
        : null;

    /// <summary>A button_interaction card: a task_id WeCom accepts, 1 to 6 buttons each with text and key.</summary>
    private static (int Code, string Why)? CardProblem(JsonNode? card, bool required)
    {
        if (card is null)
        {
            return required ? (40008, "template_card missing") : null;
        }

        if (card["card_type"]?.GetValue<string>() != "button_interaction" || card["task_id"]?.GetValue<string>() is not { } taskId || !TaskId().IsMatch(taskId))
        {
            return (40008, "card_type or task_id invalid");
        }

        return card["button_list"] is JsonArray { Count: >= 1 and <= 6 } buttons
            && buttons.All(b => !string.IsNullOrEmpty(b?["text"]?.GetValue<string>()) && !string.IsNullOrEmpty(b?["key"]?.GetValue<string>()))
            ? null : (40008, "button_list invalid");
    }

    /// <summary>A message on its own (aibot_send_msg, a response url): markdown within the limit, or a card.</summary>
    private static (int Code, string Why)? MessageProblem(JsonObject? body) => body?["msgtype"]?.GetValue<string>() switch
    {
        "markdown" => MarkdownProblem(body, BotMarkdownMaxBytes),
        "template_card" => CardProblem(body["template_card"], required: true),
        _ => (40008, "msgtype not markdown or template_card"),
    };

    private static (int Code, string Why)? MarkdownProblem(JsonObject body, int maxBytes) =>
        body["markdown"]?["content"]?.GetValue<string>() is not { Length: > 0 } content ? (40008, "markdown.content missing")
        : Encoding.UTF8.GetByteCount(content) > maxBytes ? (45002, $"content size out of limit ({maxBytes} bytes)")
        : null;

    [GeneratedRegex("^[0-9A-Za-z_\\-@]{1,128}$")]
    private static partial Regex TaskId();
}
