using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// What WeCom writes to the bot (pushed on the long connection, or posted by a test to the callback
/// url), and the response url each message carries: one call per response code, a body of markdown
/// within 4,096 bytes or a card.
/// </summary>
public sealed partial class FakeWeCom
{
    private readonly ConcurrentDictionary<string, bool> responseCodes = new();

    /// <summary>
    /// Chats the AI bot may send to (aibot_send_msg): group chatids and userids that wrote to it; others
    /// get 86003. A message built here is one WeCom delivers, so its chat is added.
    /// </summary>
    public HashSet<string> BotChats { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replies accepted at response urls, by response code.</summary>
    public ConcurrentQueue<(string Code, JsonObject Body)> Responses { get; } = new();

    /// <summary>A text message as WeCom writes it (doc/100719); a group's text starts with the @mention of the bot.</summary>
    public JsonObject Text(string msgId, string userId, string text, string? chatId = "wrkGroup01", bool group = true) => Body(msgId, userId, chatId, group, "text",
        new JsonObject { ["content"] = group ? "@CampaignBot " + text : text });

    /// <summary>
    /// Words and a picture in one message (msgtype mixed, doc/100719), as WeCom sends a photo with a
    /// caption: the picture as a url on this stand-in (<paramref name="mediaName"/> in <see cref="Media"/>,
    /// encrypted) and the message's own aeskey.
    /// </summary>
    public JsonObject TextWithPicture(string msgId, string userId, string text, string mediaName, string aesKey, string? chatId = "wrkGroup01", bool group = true) =>
        Body(msgId, userId, chatId, group, "mixed", new JsonObject
        {
            ["msg_item"] = new JsonArray
            {
                new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = group ? "@CampaignBot " + text : text } },
                new JsonObject { ["msgtype"] = "image", ["image"] = new JsonObject { ["url"] = $"{BaseUrl}media/{mediaName}", ["aeskey"] = aesKey } },
            },
        });

    /// <summary>A picture on its own (msgtype image), as WeCom sends one after the words.</summary>
    public JsonObject Picture(string msgId, string userId, string mediaName, string aesKey, string? chatId = "wrkGroup01", bool group = true) =>
        Body(msgId, userId, chatId, group, "image", new JsonObject { ["url"] = $"{BaseUrl}media/{mediaName}", ["aeskey"] = aesKey });

    /// <summary>A press of a button of one of the bot's cards (doc/101027): the button's key in template_card_event.</summary>
    public JsonObject ButtonClick(string msgId, string userId, string key, string taskId, string? chatId = "wrkGroup01", bool group = true)
    {
        var body = Body(msgId, userId, chatId, group, "event", null);
        body["event"] = new JsonObject
        {
            ["eventtype"] = "template_card_event",
            ["template_card_event"] = new JsonObject { ["card_type"] = "button_interaction", ["event_key"] = key, ["task_id"] = taskId },
        };
        return body;
    }

    private JsonObject Body(string msgId, string userId, string? chatId, bool group, string msgType, JsonObject? content)
    {
        var body = new JsonObject
        {
            ["msgid"] = msgId,
            ["aibotid"] = BotId,
            ["chattype"] = group ? "group" : "single",
            ["from"] = new JsonObject { ["userid"] = userId },
            ["create_time"] = 1781485200,
            ["response_url"] = $"{BaseUrl}cgi-bin/aibot/response?response_code=rc-{msgId}",
            ["msgtype"] = msgType,
        };
        responseCodes.TryAdd("rc-" + msgId, true);
        lock (BotChats)
        {
            BotChats.Add(group ? chatId ?? "" : userId);
        }

        if (group)
        {
            body["chatid"] = chatId;
        }

        if (content is not null)
        {
            body[msgType] = content;
        }

        return body;
    }

    private bool IsBotChat(string chatId)
    {
        lock (BotChats)
        {
            return BotChats.Contains(chatId);
        }
    }

    private void MapResponseUrl(WebApplication web) => web.MapPost("/cgi-bin/aibot/response", async (HttpContext http) =>
    {
        var code = http.Request.Query["response_code"].ToString();
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        if (!responseCodes.TryRemove(code, out _))
        {
            return Refuse("response url", 40001, "response_code used twice or unknown: " + code);
        }

        if (MessageProblem(body) is { } problem)
        {
            return Refuse("response url", problem.Code, problem.Why);
        }

        Responses.Enqueue((code, body!));
        return Results.Json(new { errcode = 0, errmsg = "ok" });
    });

    /// <summary>WeCom's answer to an HTTP call it refuses, noted in <see cref="Refusals"/>.</summary>
    private IResult Refuse(string what, long errcode, string errmsg)
    {
        Refusals.Enqueue($"{what}: {errcode} {errmsg}");
        return Results.Json(new { errcode, errmsg });
    }
}
