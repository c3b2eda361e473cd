using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignBot.DingTalk;

/// <summary>
/// A robot message as DingTalk delivers it (the HTTP callback's body, or a stream callback's data):
/// only the fields the bot relies on (docs/dingtalk.md).
/// </summary>
public sealed record DingTalkMessage
{
    public const string OneToOne = "1";
    public const string Group = "2";

    [JsonPropertyName("msgId")] public string? MsgId { get; init; }
    [JsonPropertyName("msgtype")] public string? MsgType { get; init; }
    [JsonPropertyName("conversationId")] public string? ConversationId { get; init; }
    [JsonPropertyName("conversationType")] public string? ConversationType { get; init; }
    [JsonPropertyName("conversationTitle")] public string? ConversationTitle { get; init; }
    [JsonPropertyName("senderStaffId")] public string? SenderStaffId { get; init; }
    [JsonPropertyName("senderNick")] public string? SenderNick { get; init; }
    [JsonPropertyName("chatbotUserId")] public string? ChatbotUserId { get; init; }
    [JsonPropertyName("robotCode")] public string? RobotCode { get; init; }
    [JsonPropertyName("sessionWebhook")] public string? SessionWebhook { get; init; }
    [JsonPropertyName("sessionWebhookExpiredTime")] public long? SessionWebhookExpiredTime { get; init; }
    [JsonPropertyName("createAt")] public long? CreateAt { get; init; }
    [JsonPropertyName("isInAtList")] public bool? IsInAtList { get; init; }
    [JsonPropertyName("text")] public TextPart? Text { get; init; }

    /// <summary>Pictures, files and rich text carry their parts here; the shape depends on msgtype.</summary>
    [JsonPropertyName("content")] public JsonElement? Content { get; init; }

    public bool IsGroup => ConversationType == Group;

    public sealed record TextPart([property: JsonPropertyName("content")] string? Content);

    private static readonly JsonSerializerOptions Json = new() { MaxDepth = 32 };

    /// <summary>The message in <paramref name="json"/>, or null when it is not one the bot can answer (no id, conversation or sender).</summary>
    public static DingTalkMessage? Parse(string json)
    {
        DingTalkMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<DingTalkMessage>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }

        return message is { MsgId.Length: > 0, ConversationId.Length: > 0, SenderStaffId.Length: > 0 } ? message : null;
    }
}
