using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom;

/// <summary>
/// WeCom's long connection (WeCom:Mode LongConnection, the default; doc/101463): the bot opens the
/// WebSocket, subscribes with its bot id and secret, pings on a timer, runs each message and button
/// click through <see cref="WeComAdapter"/> (conversations at once, each in order), and reconnects
/// with a growing wait when the connection drops, or two missed pings say it is dead. When WeCom says
/// another connection took the bot over (disconnected_event), it stays away for
/// WeCom:TakenOverPauseSeconds before trying again, so two instances do not keep throwing each other off.
/// Proactive sends (aibot_send_msg) go through <see cref="SendMessageAsync"/>.
/// </summary>
public sealed class WeComLongConnection(
    WeComAdapter adapter, IServiceProvider services, IOptions<WeComOptions> options, TimeProvider time, ILogger<WeComLongConnection> logger)
    : BackgroundService, IWeComLongConnection
{
    /// <summary>Frames are small JSON documents; a larger one is not WeCom's.</summary>
    private const int MaxFrameBytes = 1024 * 1024;

    /// <summary>A connection that lasted this long was a good one: the back-off starts again from its shortest wait.</summary>
    private static readonly TimeSpan StableConnection = TimeSpan.FromMinutes(1);

    private readonly WeComConversationQueue queue = new();
    private volatile WeComSession? session;
    private int connections;

    /// <summary>How many times the connection has been subscribed since start-up.</summary>
    public int Connections => connections;

    /// <summary>Whether the bot is subscribed on an open connection now (campaignbot_channel_connected).</summary>
    public bool IsConnected => session is { IsOpen: true };

    /// <summary>Sends a message to a chat (a group's chatid, or a person's userid) and waits for WeCom's acknowledgement.</summary>
    public Task SendMessageAsync(string chatId, JsonObject body, CancellationToken cancellationToken)
    {
        var message = new JsonObject { ["chatid"] = chatId };
        foreach (var (name, value) in body)
        {
            message[name] = value?.DeepClone();
        }

        return Open().RequestAsync(WeComFrames.Send, WeComFrames.NewReqId(WeComFrames.Send), message, cancellationToken);
    }

    /// <summary>
    /// A command for the sending side (<see cref="Outgoing.WeComSender"/>): WeCom's acknowledgement as
    /// <c>{errcode, errmsg}</c>, refusals included, for it to classify; not connected, or no
    /// acknowledgement in time, is a retry.
    /// </summary>
    async Task<JsonNode> IWeComLongConnection.SendAsync(string cmd, JsonNode body, CancellationToken ct)
    {
        if (session is not { IsOpen: true } open)
        {
            throw new Scheduling.Delivery.TransientSendException("The WeCom long connection is not open now");
        }

        // errcode as a long, as WeCom's codes are read everywhere: a JsonValue holding an int does not
        // read as a long, and a refusal would pass for errcode 0.
        try
        {
            var ack = await open.RequestAsync(cmd, WeComFrames.NewReqId(cmd), body as JsonObject, ct);
            return new JsonObject { ["errcode"] = (long)(ack.ErrCode ?? 0), ["errmsg"] = ack.ErrMsg };
        }
        catch (WeComException refused) when (refused.ErrCode is { } code)
        {
            return new JsonObject { ["errcode"] = (long)code, ["errmsg"] = refused.Message };
        }
        catch (WeComException lost)
        {
            throw new Scheduling.Delivery.TransientSendException(lost.Message, inner: lost);
        }
    }

    /// <summary>Answers a message under its callback's req_id.</summary>
    public Task RespondAsync(string reqId, JsonObject body, CancellationToken cancellationToken) =>
        Open().RequestAsync(WeComFrames.Respond, reqId, body, cancellationToken);

    private WeComSession Open() => session is { IsOpen: true } open ? open : throw new WeComException("The WeCom long connection is not open");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Mode != WeComMode.LongConnection)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var takenOver = false;
            try
            {
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
                await socket.ConnectAsync(new Uri(settings.WebSocketUrl), stoppingToken);
                var current = new WeComSession(socket);
                var connectedAt = time.GetUtcNow();
                takenOver = await RunAsync(current, stoppingToken);
                failures = time.GetUtcNow() - connectedAt > StableConnection ? 0 : failures + 1;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                logger.LogWarning("WeCom long connection failed ({Failures} in a row): {Error}", failures, e.Message);
            }

            try
            {
                await Task.Delay(takenOver ? TimeSpan.FromSeconds(settings.TakenOverPauseSeconds) : Backoff(failures), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One connection: subscribe, then frames until it closes; true when another connection took the bot over.</summary>
    private async Task<bool> RunAsync(WeComSession current, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var subscribeId = WeComFrames.NewReqId(WeComFrames.Subscribe);
        var subscribed = ReceiveAsync(current, stop.Token);
        try
        {
            var body = new JsonObject { ["bot_id"] = options.Value.BotId, ["secret"] = options.Value.BotSecret };
            await current.RequestAsync(WeComFrames.Subscribe, subscribeId, body, stop.Token);
            session = current;
            Interlocked.Increment(ref connections);
            logger.LogInformation("WeCom long connection subscribed ({Connections} since start-up)", connections);
            var pinging = PingAsync(current, stop.Token);
            var takenOver = await subscribed;
            await stop.CancelAsync();
            await pinging.ContinueWith(_ => { }, TaskScheduler.Default);
            return takenOver;
        }
        finally
        {
            await stop.CancelAsync();
            current.Fail();
            if (session == current)
            {
                session = null;
            }

            if (current.Socket.State == WebSocketState.Open)
            {
                current.Socket.Abort();
            }

            await subscribed.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Pings on the timer; when the two pings before this one are both unanswered, the connection is
    /// taken as dead and dropped (the official SDK's rule), so that it is reconnected.
    /// </summary>
    private async Task PingAsync(WeComSession current, CancellationToken cancellationToken)
    {
        var missed = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PingIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (Volatile.Read(ref missed) >= 2)
            {
                logger.LogWarning("WeCom answered none of the last two pings: reconnecting");
                current.Socket.Abort();
                return;
            }

            Interlocked.Increment(ref missed);
            _ = current.RequestAsync(WeComFrames.Ping, WeComFrames.NewReqId(WeComFrames.Ping), null, cancellationToken)
                .ContinueWith(ping => { if (ping.IsCompletedSuccessfully) { Interlocked.Exchange(ref missed, 0); } }, TaskScheduler.Default);
        }
    }

    /// <summary>Frames until the connection closes; true when WeCom said another connection took over.</summary>
    private async Task<bool> ReceiveAsync(WeComSession current, CancellationToken cancellationToken)
    {
        var bot = services.GetRequiredService<IBot>();
        while (current.IsOpen)
        {
            var text = await Bots.WebSocketText.ReadAsync(current.Socket, MaxFrameBytes, cancellationToken);
            if (text is null)
            {
                return false;
            }

            if (WeComFrames.Read(text) is not { } frame)
            {
                logger.LogWarning("WeCom sent a frame that is not one: ignored");
                continue;
            }

            var eventType = frame.Body?["event"]?["eventtype"] is System.Text.Json.Nodes.JsonValue type && type.TryGetValue<string>(out var named) ? named : null;
            switch (frame.Cmd)
            {
                case null:
                    current.Acknowledge(frame);
                    break;
                case WeComFrames.EventCallback when eventType == WeComFrames.Disconnected:
                    logger.LogWarning("WeCom says another connection took this bot over; trying again in {Seconds} s", options.Value.TakenOverPauseSeconds);
                    return true;
                case WeComFrames.MessageCallback or WeComFrames.EventCallback:
                    if (frame.Body is not null && WeComMessage.From(frame.Body) is { } message)
                    {
                        _ = queue.Enqueue(message.ConversationId, () => HandleAsync(message, frame.ReqId, bot, cancellationToken));
                    }
                    else
                    {
                        logger.LogWarning("WeCom callback {ReqId} is not a message the bot can answer", frame.ReqId);
                    }

                    break;
            }
        }

        return false;
    }

    private async Task HandleAsync(WeComMessage message, string reqId, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            await adapter.ProcessAsync(message, new WeComConnectionReplies(this, reqId, message), bot, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "WeCom message {MsgId} could not be handled", message.MsgId);
        }
        catch (OperationCanceledException)
        {
            // The connection or the bot stopped: the claim was given back.
        }
    }

    /// <summary>One second after a drop, then doubling up to WeCom:MaxReconnectDelaySeconds, with up to a quarter more at random.</summary>
    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(options.Value.MaxReconnectDelaySeconds, Math.Pow(2, Math.Min(failures, 16) - 1));
        return TimeSpan.FromSeconds(Math.Max(1, seconds) * (1 + Random.Shared.NextDouble() / 4));
    }
}
