using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignBot.WeCom;

/// <summary>
/// A message or event from the AI bot, as the long connection's callback body and the decrypted HTTP
/// callback both carry it (docs/wecom.md "Payloads"): only what the bot uses. A template card click
/// (event template_card_event) carries the pressed button's key, which is the command it sends.
/// </summary>
public sealed record WeComMessage
{
    public required string MsgId { get; init; }
    public string? AiBotId { get; init; }
    public string? ChatId { get; init; }
    public bool IsGroup { get; init; }
    public required string UserId { get; init; }
    public string? ResponseUrl { get; init; }
    public string MsgType { get; init; } = "";
    public long? CreateTime { get; init; }

    /// <summary>The words: a text's content, a voice message's transcript, a mixed message's texts, or a pressed button's key.</summary>
    public string Text { get; init; } = "";

    public IReadOnlyList<WeComMedia> Media { get; init; } = [];

    /// <summary>The event's type (enter_chat, template_card_event, feedback_event, disconnected_event), for events.</summary>
    public string? EventType { get; init; }

    public bool IsEvent => MsgType == "event";

    /// <summary>A click on a button of one of the bot's cards: its key is the command, run as if typed.</summary>
    public bool IsButtonClick => EventType == "template_card_event" && Text.Length > 0;

    /// <summary>Where a reply goes: the group's chatid, or the person's userid for a 1:1 chat.</summary>
    public string ConversationId => IsGroup && ChatId is { Length: > 0 } chat ? chat : UserId;

    private static readonly JsonDocumentOptions Json = new() { MaxDepth = 32 };

    public static WeComMessage? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: Json) is JsonObject body ? From(body) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The message in <paramref name="body"/>, or null when it names no msgid or sender (nothing to answer).</summary>
    public static WeComMessage? From(JsonObject body)
    {
        if (String(body, "msgid") is not { } msgId || String(body["from"], "userid") is not { } userId)
        {
            return null;
        }

        var msgType = String(body, "msgtype") ?? "";
        var eventType = String(body["event"], "eventtype");
        var (text, media) = msgType switch
        {
            "text" => (String(body["text"], "content") ?? "", []),
            "voice" => (String(body["voice"], "content") ?? "", []),
            "image" => ("", MediaOf(body["image"], isPicture: true)),
            "file" => ("", MediaOf(body["file"], isPicture: false)),
            "video" => ("", MediaOf(body["video"], isPicture: false)),
            "mixed" => Mixed(body["mixed"]),
            "event" when eventType == "template_card_event" => (ButtonKey(body["event"]) ?? "", []),
            _ => ("", (IReadOnlyList<WeComMedia>)[]),
        };

        return new WeComMessage
        {
            MsgId = msgId,
            AiBotId = String(body, "aibotid"),
            ChatId = String(body, "chatid"),
            IsGroup = String(body, "chattype") == "group",
            UserId = userId,
            ResponseUrl = String(body, "response_url"),
            MsgType = msgType,
            CreateTime = body["create_time"] is JsonValue t && t.TryGetValue<long>(out var at) ? at : null,
            Text = text,
            Media = media,
            EventType = eventType,
        };
    }

    /// <summary>
    /// The pressed button's key: under event.template_card_event (WeCom's event page, doc/101027), or
    /// directly under event (the official Node SDK's type); either is read.
    /// </summary>
    private static string? ButtonKey(JsonNode? @event) =>
        String(@event?["template_card_event"], "event_key") ?? String(@event, "event_key");

    private static (string, IReadOnlyList<WeComMedia>) Mixed(JsonNode? mixed)
    {
        var words = new List<string>();
        var media = new List<WeComMedia>();
        if (mixed?["msg_item"] is JsonArray items)
        {
            foreach (var item in items.OfType<JsonObject>())
            {
                switch (String(item, "msgtype"))
                {
                    case "text" when String(item["text"], "content") is { } said:
                        words.Add(said);
                        break;
                    case "image":
                        media.AddRange(MediaOf(item["image"], isPicture: true));
                        break;
                }
            }
        }

        return (string.Join(" ", words), media);
    }

    private static IReadOnlyList<WeComMedia> MediaOf(JsonNode? part, bool isPicture) =>
        String(part, "url") is { } url ? [new WeComMedia(url, String(part, "aeskey"), isPicture)] : [];

    private static string? String(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
