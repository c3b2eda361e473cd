using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.WeCom;

namespace CampaignBot.Tests.WeCom;

/// <summary>
/// The tests' own client for the AI bot's long connection, standing in for the receiving side's
/// (which implements <see cref="IWeComLongConnection"/> in the channel): a real WebSocket, subscribed
/// with the bot id and secret, each command a frame with a new req_id, answered by its acknowledgement.
/// One command at a time: the acknowledgement is read before the next frame goes.
/// </summary>
public sealed class StandInLongConnection : IWeComLongConnection, IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public static async Task<StandInLongConnection> ConnectAsync(string url, string botId, string secret)
    {
        var connection = new StandInLongConnection();
        await connection.socket.ConnectAsync(new Uri(url), CancellationToken.None);
        var ack = await connection.SendFrameAsync("aibot_subscribe", new JsonObject { ["bot_id"] = botId, ["secret"] = secret }, CancellationToken.None);
        if (ack["errcode"]!.GetValue<long>() != 0)
        {
            throw new InvalidOperationException("subscribe refused: " + ack.ToJsonString());
        }

        return connection;
    }

    public List<JsonObject> Frames { get; } = [];

    public Task<JsonNode> SendAsync(string cmd, JsonNode body, CancellationToken ct) => SendFrameAsync(cmd, body, ct);

    private async Task<JsonNode> SendFrameAsync(string cmd, JsonNode body, CancellationToken ct)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            var reqId = $"{cmd}_{Guid.NewGuid():N}";
            var frame = new JsonObject { ["cmd"] = cmd, ["headers"] = new JsonObject { ["req_id"] = reqId }, ["body"] = body.DeepClone() };
            lock (Frames)
            {
                Frames.Add(frame);
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, ct);
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var text = new StringBuilder();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, ct);
                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage);

                var answer = JsonNode.Parse(text.ToString())!;
                if (answer["headers"]?["req_id"]?.GetValue<string>() == reqId)
                {
                    return answer;
                }
            }
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        socket.Dispose();
    }
}
