using System.Net.WebSockets;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace CampaignBot.DingTalk;

/// <summary>
/// DingTalk's Stream mode (DingTalk:Mode Stream, the default): the bot registers a connection with
/// its client id and secret, opens the WebSocket DingTalk names, answers pings, runs each robot
/// message through <see cref="DingTalkAdapter"/> and acknowledges it after, and reconnects with a
/// growing wait when the connection drops or DingTalk asks it to. A message whose acknowledgement was
/// lost comes again after the reconnect; the adapter handles it once (by msgId, stored).
/// </summary>
public sealed class DingTalkStreamClient(
    DingTalkStreamGateway gateway, DingTalkAdapter adapter, IServiceProvider services, IOptions<DingTalkOptions> options, TimeProvider time, ILogger<DingTalkStreamClient> logger)
    : BackgroundService
{
    /// <summary>Frames are small JSON documents; a larger one is not DingTalk's.</summary>
    private const int MaxFrameBytes = 1024 * 1024;

    /// <summary>How many times the stream has connected since start-up, for the logs.</summary>
    private int connections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Mode != DingTalkMode.Stream)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var endpoint = await gateway.OpenAsync(stoppingToken);
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
                // A connection that went dead without closing is noticed within a minute, not TCP's quarter hour.
                socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
                await socket.ConnectAsync(endpoint, stoppingToken);
                connections++;
                var connectedAt = time.GetUtcNow();
                logger.LogInformation("DingTalk stream connected ({Connections} since start-up)", connections);
                await ReceiveAsync(socket, stoppingToken);
                // A gateway that accepts and drops at once is backed off from, not reconnected to every second.
                failures = time.GetUtcNow() - connectedAt > StableConnection ? 0 : failures + 1;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                logger.LogWarning("DingTalk stream failed ({Failures} in a row): {Error}", failures, e.Message);
            }

            try
            {
                await Task.Delay(Backoff(failures), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One connection's frames, until it closes or DingTalk asks for a reconnect.</summary>
    /// <summary>A connection that lasted this long was a good one: the back-off starts again from its shortest wait.</summary>
    private static readonly TimeSpan StableConnection = TimeSpan.FromMinutes(1);

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var bot = services.GetRequiredService<IBot>();
        while (socket.State == WebSocketState.Open)
        {
            var text = await ReadFrameAsync(socket, cancellationToken);
            if (text is null)
            {
                return;
            }

            if (DingTalkStreamFrames.Read(text) is not { } frame)
            {
                logger.LogWarning("DingTalk stream sent a frame that is not one: ignored");
                continue;
            }

            switch (frame.Type)
            {
                case DingTalkStreamFrames.System when frame.Topic == DingTalkStreamFrames.Ping:
                    await SendAsync(socket, DingTalkStreamFrames.Ack(frame, frame.Data), cancellationToken);
                    break;
                case DingTalkStreamFrames.System when frame.Topic == DingTalkStreamFrames.Disconnect:
                    logger.LogInformation("DingTalk asked the stream to reconnect");
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", cancellationToken);
                    return;
                case DingTalkStreamFrames.Callback when frame.Topic == DingTalkStreamFrames.RobotTopic:
                    if (DingTalkMessage.Parse(frame.Data) is { } message)
                    {
                        // Acknowledged after the turn: a message dropped mid-turn comes again, and is then handled once.
                        try
                        {
                            await adapter.ProcessAsync(message, bot, cancellationToken);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            // One message that cannot be handled (its claim given back) must not drop the
                            // connection for everyone, nor loop: it is left unacknowledged for DingTalk's retry.
                            logger.LogError(e, "DingTalk stream message {MessageId} could not be handled", frame.MessageId);
                            break;
                        }
                    }
                    else
                    {
                        logger.LogWarning("DingTalk stream message {MessageId} is not a robot message the bot can answer", frame.MessageId);
                    }

                    await SendAsync(socket, DingTalkStreamFrames.Ack(frame, DingTalkStreamFrames.NoResponse), cancellationToken);
                    break;
                default:
                    await SendAsync(socket, DingTalkStreamFrames.Ack(frame, DingTalkStreamFrames.EventAccepted), cancellationToken);
                    break;
            }
        }
    }

    private static async Task<string?> ReadFrameAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            frame.Write(buffer, 0, result.Count);
            if (frame.Length > MaxFrameBytes)
            {
                throw new InvalidDataException("DingTalk stream frame over 1 MB");
            }

            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>One second after a drop, then doubling up to DingTalk:MaxReconnectDelaySeconds, with up to a quarter more at random.</summary>
    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(options.Value.MaxReconnectDelaySeconds, Math.Pow(2, Math.Min(failures, 16)));
        return TimeSpan.FromSeconds(seconds * (1 + Random.Shared.NextDouble() / 4));
    }
}
