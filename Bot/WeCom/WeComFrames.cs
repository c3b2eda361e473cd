using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignBot.WeCom;

/// <summary>
/// The long connection's frames (doc/101463; the official Node SDK's WsFrame): every frame is
/// {cmd, headers: {req_id}, body}; WeCom acknowledges what the bot sends with
/// {headers: {req_id}, errcode, errmsg} (no cmd), under the req_id the bot sent.
/// </summary>
public static class WeComFrames
{
    public const string Subscribe = "aibot_subscribe";
    public const string Ping = "ping";
    public const string MessageCallback = "aibot_msg_callback";
    public const string EventCallback = "aibot_event_callback";
    public const string Respond = "aibot_respond_msg";
    public const string Send = "aibot_send_msg";

    /// <summary>The event WeCom sends an old connection when a new one for the same bot takes over.</summary>
    public const string Disconnected = "disconnected_event";

    public sealed record Frame(string? Cmd, string ReqId, JsonObject? Body, int? ErrCode, string? ErrMsg);

    public static string Write(string cmd, string reqId, JsonObject? body)
    {
        var frame = new JsonObject { ["cmd"] = cmd, ["headers"] = new JsonObject { ["req_id"] = reqId } };
        if (body is not null)
        {
            frame["body"] = body;
        }

        return frame.ToJsonString();
    }

    /// <summary>A new req_id for a frame the bot starts (its command first, as the official SDK writes them).</summary>
    public static string NewReqId(string cmd) => $"{cmd}_{Guid.NewGuid():N}";

    public static Frame? Read(string json)
    {
        try
        {
            if (JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) is not JsonObject root
                || root["headers"]?["req_id"] is not JsonValue id || !id.TryGetValue<string>(out var reqId))
            {
                return null;
            }

            var cmd = root["cmd"] is JsonValue c && c.TryGetValue<string>(out var name) ? name : null;
            var errcode = root["errcode"] is JsonValue e && e.TryGetValue<int>(out var code) ? code : (int?)null;
            var errmsg = root["errmsg"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : null;
            return new Frame(cmd, reqId, root["body"] as JsonObject, errcode, errmsg);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
