using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignBot.DingTalk;

/// <summary>
/// <see cref="DingTalkContent"/> as DingTalk's two senders want it. A session webhook takes the
/// robot message body ({"msgtype":"actionCard","actionCard":{…,"btns":[…]}}); the app's send APIs
/// take a template key and its parameters as a JSON string (msgKey "sampleActionCard2", msgParam
/// "{\"actionTitle1\":…}"), whose ActionCard templates hold one to five buttons.
/// </summary>
public static class DingTalkWireFormat
{
    /// <summary>The most buttons the send APIs' ActionCard templates hold (sampleActionCard … sampleActionCard5).</summary>
    public const int MaxButtons = 5;

    /// <summary>
    /// The most a send's msgParam may hold, in UTF-8 bytes: "The length must not exceed 15,000 bytes"
    /// (help.dingtalk.io, "Send group chat messages with an app bot", request body, msgParam).
    /// </summary>
    public const int MaxMsgParamBytes = 15_000;

    /// <summary>
    /// JSON as DingTalk reads it, UTF-8 with only what JSON requires escaped: the default encoder writes
    /// every Chinese character as \uXXXX, six bytes where UTF-8 needs three, and the limit counts bytes.
    /// </summary>
    public static readonly JsonSerializerOptions Utf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether the content's msgParam is within <see cref="MaxMsgParamBytes"/>.</summary>
    public static bool Fits(DingTalkContent content) => Encoding.UTF8.GetByteCount(Template(content).MsgParam) <= MaxMsgParamBytes;

    public static JsonObject SessionBody(DingTalkContent content) => content.Kind switch
    {
        DingTalkContentKind.Text => new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = content.Text } },
        DingTalkContentKind.Markdown => new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["title"] = content.Title, ["text"] = content.Text },
        },
        _ => new JsonObject
        {
            ["msgtype"] = "actionCard",
            ["actionCard"] = new JsonObject
            {
                ["title"] = content.Title,
                ["text"] = content.Text,
                ["btnOrientation"] = "0",
                ["btns"] = new JsonArray(content.Buttons.Take(MaxButtons)
                    .Select(b => (JsonNode)new JsonObject { ["title"] = b.Title, ["actionURL"] = b.ActionUrl }).ToArray()),
            },
        },
    };

    public static (string MsgKey, string MsgParam) Template(DingTalkContent content)
    {
        switch (content.Kind)
        {
            case DingTalkContentKind.Text:
                return ("sampleText", new JsonObject { ["content"] = content.Text }.ToJsonString(Utf8));
            case DingTalkContentKind.Markdown:
                return ("sampleMarkdown", new JsonObject { ["title"] = content.Title, ["text"] = content.Text }.ToJsonString(Utf8));
        }

        var buttons = content.Buttons.Take(MaxButtons).ToList();
        var param = new JsonObject { ["title"] = content.Title, ["text"] = content.Text };
        if (buttons.Count == 1)
        {
            param["singleTitle"] = buttons[0].Title;
            param["singleURL"] = buttons[0].ActionUrl;
            return ("sampleActionCard", param.ToJsonString(Utf8));
        }

        for (var i = 0; i < buttons.Count; i++)
        {
            param[$"actionTitle{i + 1}"] = buttons[i].Title;
            param[$"actionURL{i + 1}"] = buttons[i].ActionUrl;
        }

        return ($"sampleActionCard{buttons.Count}", param.ToJsonString(Utf8));
    }
}
