using System.Net.WebSockets;
using System.Text;

namespace CampaignBot.Bots;

/// <summary>Reads one whole text message from a WebSocket a channel keeps open (DingTalk's stream, WeCom's long connection), bounded in size.</summary>
public static class WebSocketText
{
    /// <summary>The message's text, or null when the other side closes; <see cref="InvalidDataException"/> past <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(WebSocket socket, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > maxBytes)
            {
                throw new InvalidDataException($"WebSocket message over {maxBytes} bytes");
            }

            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }
}
