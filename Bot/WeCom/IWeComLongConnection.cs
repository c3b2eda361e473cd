using System.Text.Json.Nodes;

namespace CampaignBot.WeCom;

/// <summary>
/// The AI bot's live long connection (wss://openws.work.weixin.qq.com, docs/wecom.md), as the sending
/// side needs it: a frame <c>{cmd, headers:{req_id}, body}</c> sent over the same socket the bot
/// subscribed on, answered by WeCom's acknowledgement <c>{headers:{req_id}, errcode, errmsg}</c>.
/// Proactive sends (<c>aibot_send_msg</c>) have no HTTP form: they go this way or not at all.
/// Implemented by the receiving side's client, which owns the socket, its req_ids and reconnects.
/// </summary>
public interface IWeComLongConnection
{
    /// <summary>Sends one command and returns WeCom's acknowledgement frame (errcode 0 or not: the caller reads it).</summary>
    /// <exception cref="Scheduling.Delivery.TransientSendException">Not connected now, or no acknowledgement in time.</exception>
    Task<JsonNode> SendAsync(string cmd, JsonNode body, CancellationToken ct);
}
