using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignBot.DingTalk;

/// <summary>
/// The Stream protocol's frames: DingTalk sends {specVersion, type: SYSTEM|EVENT|CALLBACK,
/// headers: {topic, messageId, contentType, time, …}, data: "&lt;JSON as a string&gt;"}; the client
/// answers each with {code: 200, headers: {contentType, messageId}, message: "OK", data}.
/// </summary>
public static class DingTalkStreamFrames
{
    public const string RobotTopic = "/v1.0/im/bot/messages/get";
    public const string System = "SYSTEM";
    public const string Callback = "CALLBACK";
    public const string Event = "EVENT";
    public const string Ping = "ping";
    public const string Disconnect = "disconnect";

    public sealed record Frame(string Type, string Topic, string MessageId, string Data)
    {
        /// <summary>Whether the frame can be acknowledged: an acknowledgement names the frame's messageId.</summary>
        public bool HasId => MessageId.Length > 0;
    }

    public static Frame? Read(string json)
    {
        try
        {
            var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject;
            var headers = root?["headers"] as JsonObject;
            if (root?["type"]?.GetValue<string>() is not { } type || headers is null)
            {
                return null;
            }

            // DingTalk's SYSTEM disconnect carries no messageId (developerpedia "协议描述", 系统推送): such a
            // frame is still a frame, it is only not acknowledged (HasId).
            return new Frame(type, headers["topic"]?.GetValue<string>() ?? "", headers["messageId"]?.GetValue<string>() ?? "", root["data"]?.GetValue<string>() ?? "");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The acknowledgement of a frame; a ping's carries the ping's data back.</summary>
    public static string Ack(Frame frame, string data) => new JsonObject
    {
        ["code"] = 200,
        ["headers"] = new JsonObject { ["contentType"] = "application/json", ["messageId"] = frame.MessageId },
        ["message"] = "OK",
        ["data"] = data,
    }.ToJsonString();

    /// <summary>What a robot callback's acknowledgement carries: no synchronous reply (replies go through the session webhook).</summary>
    public const string NoResponse = "{\"response\":null}";

    public const string EventAccepted = "{\"status\":\"SUCCESS\",\"message\":\"\"}";
}
