using System.Net.WebSockets;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace CampaignBot.DingTalk;

/// <summary>
/// DingTalk's Stream mode (DingTalk:Mode Stream, the default): the bot registers a connection with
/// its client id and secret, opens the WebSocket DingTalk names, answers pings at once, and runs each
/// robot message through <see cref="DingTalkAdapter"/> on its own (<see cref="DingTalkTurnQueue"/>:
/// concurrently across chats, in order within one), acknowledging it when its turn is over, failed
/// or not (DingTalk does not redeliver robot messages: a failed turn is answered with an apology, not
/// left for a retry that never comes). When DingTalk announces a disconnect it opens the next
/// connection at once and then closes the old one; a dropped connection is reconnected with a growing wait.
/// </summary>
public sealed class DingTalkStreamClient(
    DingTalkStreamGateway gateway, DingTalkAdapter adapter, IServiceProvider services, IOptions<DingTalkOptions> options, TimeProvider time, ILogger<DingTalkStreamClient> logger)
    : BackgroundService
{
    /// <summary>A connection that lasted this long was a good one: the back-off starts again from its shortest wait.</summary>
    private static readonly TimeSpan StableConnection = TimeSpan.FromMinutes(1);

    private readonly DingTalkTurnQueue turns = new();

    /// <summary>How many times the stream has connected since start-up, for the logs.</summary>
    private int connections;

    /// <summary>The connection frames are read from now, for <see cref="IsConnected"/>.</summary>
    private volatile DingTalkStreamConnection? live;

    /// <summary>Whether a stream connection is open now (campaignbot_channel_connected).</summary>
    public bool IsConnected => live is { IsOpen: true };

    private enum Ending
    {
        /// <summary>The socket closed or failed: reconnect after the back-off.</summary>
        Dropped,

        /// <summary>DingTalk said it will close this socket (SYSTEM disconnect): reconnect now.</summary>
        DisconnectAnnounced,
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Mode != DingTalkMode.Stream)
        {
            return;
        }

        var bot = services.GetRequiredService<IBot>();
        var failures = 0;
        DingTalkStreamConnection? retiring = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                DingTalkStreamConnection? connection = null;
                var ending = Ending.Dropped;
                try
                {
                    connection = await DingTalkStreamConnection.OpenAsync(await gateway.OpenAsync(stoppingToken), stoppingToken);
                    connections++;
                    live = connection;
                    logger.LogInformation("DingTalk stream connected ({Connections} since start-up)", connections);
                    var connectedAt = time.GetUtcNow();
                    await RetireAsync(ref retiring);
                    ending = await ReceiveAsync(connection, bot, stoppingToken);
                    live = null;
                    // A gateway that accepts and drops at once is backed off from, not reconnected to every second.
                    failures = ending == Ending.DisconnectAnnounced || time.GetUtcNow() - connectedAt > StableConnection ? 0 : failures + 1;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    connection?.Dispose();
                    return;
                }
                catch (Exception e)
                {
                    live = null;
                    failures++;
                    logger.LogWarning("DingTalk stream failed ({Failures} in a row): {Error}", failures, e.Message);
                }

                if (ending == Ending.DisconnectAnnounced)
                {
                    // Kept open (DingTalk closes it ten seconds after announcing) until the next one is up,
                    // so that no message falls between two connections.
                    logger.LogInformation("DingTalk announced a disconnect; connecting again now");
                    retiring = connection;
                    continue;
                }

                connection?.Dispose();
                await RetireAsync(ref retiring);
                await Task.Delay(Backoff(failures), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            retiring?.Dispose();
            // Turns under way end with the bot (their claims given back); none is left running alone.
            await turns.WhenIdleAsync();
        }
    }

    private static Task RetireAsync(ref DingTalkStreamConnection? retiring)
    {
        var old = retiring;
        retiring = null;
        return old?.CloseAsync() ?? Task.CompletedTask;
    }

    /// <summary>One connection's frames, until it closes or DingTalk announces a disconnect.</summary>
    private async Task<Ending> ReceiveAsync(DingTalkStreamConnection connection, IBot bot, CancellationToken cancellationToken)
    {
        while (connection.IsOpen)
        {
            if (await connection.ReadFrameAsync(cancellationToken) is not { } text)
            {
                return Ending.Dropped;
            }

            if (DingTalkStreamFrames.Read(text) is not { } frame)
            {
                logger.LogWarning("DingTalk stream sent a frame that is not one: ignored");
                continue;
            }

            switch (frame.Type)
            {
                case DingTalkStreamFrames.System when frame.Topic == DingTalkStreamFrames.Disconnect:
                    // Needs no answer: DingTalk closes the socket ten seconds later (developerpedia "协议描述").
                    return Ending.DisconnectAnnounced;
                case DingTalkStreamFrames.System when frame.Topic == DingTalkStreamFrames.Ping:
                    await AcknowledgeAsync(connection, frame, frame.Data, cancellationToken);
                    break;
                case DingTalkStreamFrames.Callback when frame.Topic == DingTalkStreamFrames.RobotTopic && DingTalkMessage.Parse(frame.Data) is { } message:
                    _ = turns.Enqueue(message.ConversationId!, () => HandleAsync(connection, frame, message, bot, cancellationToken));
                    break;
                case DingTalkStreamFrames.Callback when frame.Topic == DingTalkStreamFrames.RobotTopic:
                    logger.LogWarning("DingTalk stream message {MessageId} is not a robot message the bot can answer", frame.MessageId);
                    await AcknowledgeAsync(connection, frame, DingTalkStreamFrames.NoResponse, cancellationToken);
                    break;
                default:
                    await AcknowledgeAsync(connection, frame, DingTalkStreamFrames.EventAccepted, cancellationToken);
                    break;
            }
        }

        return Ending.Dropped;
    }

    /// <summary>One robot message's turn, then its acknowledgement, whether the turn went well or not.</summary>
    private async Task HandleAsync(DingTalkStreamConnection connection, DingTalkStreamFrames.Frame frame, DingTalkMessage message, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            await adapter.ProcessAsync(message, bot, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            // The adapter told the person; DingTalk would not send it again, so it is acknowledged as received.
            logger.LogError(e, "DingTalk stream message {MessageId} could not be handled", frame.MessageId);
        }

        await AcknowledgeAsync(connection, frame, DingTalkStreamFrames.NoResponse, cancellationToken);
    }

    /// <summary>
    /// Acknowledges a frame on the connection it came by. A robot message's acknowledgement is for
    /// DingTalk's diagnosis only (robot messages are fire-and-forget), so one lost with a closed socket is only logged.
    /// </summary>
    private async Task AcknowledgeAsync(DingTalkStreamConnection connection, DingTalkStreamFrames.Frame frame, string data, CancellationToken cancellationToken)
    {
        if (!frame.HasId)
        {
            return;
        }

        try
        {
            await connection.SendAsync(DingTalkStreamFrames.Ack(frame, data), cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            logger.LogInformation("DingTalk stream frame {MessageId} not acknowledged, its connection is closed: {Error}", frame.MessageId, e.Message);
        }
    }

    /// <summary>One second after a drop, then doubling up to DingTalk:MaxReconnectDelaySeconds, with up to a quarter more at random.</summary>
    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(options.Value.MaxReconnectDelaySeconds, Math.Pow(2, Math.Min(failures, 16)));
        return TimeSpan.FromSeconds(seconds * (1 + Random.Shared.NextDouble() / 4));
    }
}
