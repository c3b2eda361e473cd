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
                return ("sampleText", JsonSerializer.Serialize(new { content = content.Text }));
            case DingTalkContentKind.Markdown:
                return ("sampleMarkdown", JsonSerializer.Serialize(new { title = content.Title, text = content.Text }));
        }

        var buttons = content.Buttons.Take(MaxButtons).ToList();
        var param = new JsonObject { ["title"] = content.Title, ["text"] = content.Text };
        if (buttons.Count == 1)
        {
            param["singleTitle"] = buttons[0].Title;
            param["singleURL"] = buttons[0].ActionUrl;
            return ("sampleActionCard", param.ToJsonString());
        }

        for (var i = 0; i < buttons.Count; i++)
        {
            param[$"actionTitle{i + 1}"] = buttons[i].Title;
            param[$"actionURL{i + 1}"] = buttons[i].ActionUrl;
        }

        return ($"sampleActionCard{buttons.Count}", param.ToJsonString());
    }
}
