using System.Text.Json;
using Microsoft.Bot.Schema;

namespace CampaignBot.DingTalk;

/// <summary>
/// A DingTalk robot message as a Bot Framework activity: channel "dingtalk", the conversation (group
/// or 1:1), the sender as the account "dingtalk:{staffId}" with their nick, the text (DingTalk leaves
/// the @mention of the robot out of it), and pictures and files as attachments whose address names
/// the download code (fetched later through the app's file download API).
/// </summary>
public static class DingTalkActivity
{
    public static Activity From(DingTalkMessage message, DingTalkOptions options)
    {
        var (text, files) = Parts(message);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = message.MsgId,
            ChannelId = DingTalkChannel.ChannelId,
            // Not a Bot Framework connector: the API base is where the channel's sends go, stored with the chat.
            ServiceUrl = options.ApiBaseUrl,
            Timestamp = message.CreateAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
            Conversation = new ConversationAccount(message.IsGroup, message.IsGroup ? "group" : "personal", message.ConversationId, message.ConversationTitle),
            From = new ChannelAccount(Ledger.DingTalkAccounts.AccountOf(message.SenderStaffId!), message.SenderNick),
            Recipient = new ChannelAccount(message.RobotCode ?? options.EffectiveRobotCode, message.ChatbotUserId),
            Text = text.Trim(),
            TextFormat = TextFormatTypes.Plain,
            Attachments = files.Select((f, i) => Attachment(f, i, options)).ToList(),
        };
    }

    private sealed record FilePart(string DownloadCode, string? FileName, bool IsPicture);

    /// <summary>The words and the files of a message, whatever its msgtype (text, picture, file, richText).</summary>
    private static (string Text, IReadOnlyList<FilePart> Files) Parts(DingTalkMessage message)
    {
        var content = message.Content is { ValueKind: JsonValueKind.Object } c ? c : default;
        switch (message.MsgType)
        {
            case "picture":
                return ("", Code(content) is { } picture ? [new FilePart(picture, null, true)] : []);
            case "file" or "video" or "audio":
                return ("", Code(content) is { } file ? [new FilePart(file, String(content, "fileName"), false)] : []);
            case "richText":
                var words = new List<string>();
                var files = new List<FilePart>();
                if (content.ValueKind == JsonValueKind.Object && content.TryGetProperty("richText", out var parts) && parts.ValueKind == JsonValueKind.Array)
                {
                    foreach (var part in parts.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
                    {
                        if (String(part, "text") is { } said)
                        {
                            words.Add(said);
                        }
                        else if (Code(part) is { } code)
                        {
                            files.Add(new FilePart(code, String(part, "fileName"), String(part, "type") == "picture"));
                        }
                    }
                }

                return (string.Join(" ", words), files);
            default:
                return (message.Text?.Content ?? "", []);
        }
    }

    private static string? Code(JsonElement part) => String(part, "downloadCode") ?? String(part, "pictureDownloadCode");

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;

    /// <remarks>
    /// DingTalk gives a picture neither a name nor a type: it is claimed as some picture ("image/*"),
    /// named without an extension, and takes its type and extension from its bytes when it is kept
    /// (JPEG, PNG, GIF, WebP, HEIC: <see cref="EvidenceFiles.ContentSniffer"/>).
    /// </remarks>
    private static Attachment Attachment(FilePart file, int index, DingTalkOptions options) => new()
    {
        ContentType = file.IsPicture ? "image/*" : DingTalkFiles.TypeOf(file.FileName),
        Name = file.FileName ?? $"picture-{index + 1}",
        ContentUrl = DingTalkFiles.AddressOf(file.DownloadCode, options),
    };
}
