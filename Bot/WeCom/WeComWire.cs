using System.Text.Json.Nodes;

namespace CampaignBot.WeCom;

/// <summary>
/// The message bodies WeCom's AI bot takes (docs/wecom.md "Payloads"): a reply to a message as a
/// finished stream, with the card when there is one (stream_with_template_card: one card per message);
/// markdown and a template card sent on their own (aibot_send_msg, a response url).
/// </summary>
public static class WeComWire
{
    public static JsonObject StreamReply(string streamId, string markdown, WeComCard? card)
    {
        var body = new JsonObject
        {
            ["msgtype"] = card is null ? "stream" : "stream_with_template_card",
            ["stream"] = new JsonObject { ["id"] = streamId, ["finish"] = true, ["content"] = markdown },
        };
        if (card is not null)
        {
            body["template_card"] = Card(card);
        }

        return body;
    }

    public static JsonObject Markdown(string markdown) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject { ["content"] = markdown },
    };

    public static JsonObject TemplateCard(WeComCard card) => new()
    {
        ["msgtype"] = "template_card",
        ["template_card"] = Card(card),
    };

    /// <summary>A button_interaction card: each button's key is the command it sends (style 1, WeCom's default).</summary>
    public static JsonObject Card(WeComCard card)
    {
        var title = new JsonObject { ["title"] = card.Title };
        if (card.Description is { } description)
        {
            title["desc"] = description;
        }

        return new JsonObject
        {
            ["card_type"] = "button_interaction",
            ["main_title"] = title,
            ["task_id"] = card.TaskId,
            ["button_list"] = new JsonArray(card.Buttons.Select(b => (JsonNode)new JsonObject { ["text"] = b.Title, ["style"] = 1, ["key"] = b.Value }).ToArray()),
        };
    }
}
