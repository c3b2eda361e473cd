using System.Net.WebSockets;
using System.Text;

namespace CampaignBot.DingTalk;

/// <summary>
/// One stream WebSocket: frames read one at a time by the receive loop, acknowledgements written one
/// at a time (a WebSocket takes one send at a time, and turns finish concurrently).
/// </summary>
public sealed class DingTalkStreamConnection : IDisposable
{
    /// <summary>Frames are small JSON documents; a larger one is not DingTalk's.</summary>
    private const int MaxFrameBytes = 1024 * 1024;

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);

    private DingTalkStreamConnection()
    {
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        // A connection that went dead without closing is noticed within a minute, not TCP's quarter hour.
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
    }

    public bool IsOpen => socket.State == WebSocketState.Open;

    public static async Task<DingTalkStreamConnection> OpenAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var connection = new DingTalkStreamConnection();
        try
        {
            await connection.socket.ConnectAsync(endpoint, cancellationToken);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The next frame's text, or null when the connection closed.</summary>
    public Task<string?> ReadFrameAsync(CancellationToken cancellationToken) =>
        Bots.WebSocketText.ReadAsync(socket, MaxFrameBytes, cancellationToken);

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Closes politely when it can, within a couple of seconds; a socket already gone is just released.</summary>
    public async Task CloseAsync()
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnected", patience.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Gone already: nothing to say goodbye to.
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        // The send gate is left to the collector: a turn finishing late may still be waiting on it.
        socket.Dispose();
    }
}
