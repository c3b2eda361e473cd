using System.Net.WebSockets;

namespace CampaignBot.DirectLine;

/// <summary>
/// The WebSocket stream of a conversation: every activity after the watermark as an ActivitySet
/// message, then each new one as it is stored. Clients' empty pings are read and ignored; a
/// client that goes away ends the stream, and so does the expiry of the token it was opened with
/// (the client reconnects with the token it has refreshed meanwhile, as Web Chat does).
/// </summary>
public static class DirectLineStream
{
    /// <summary>An idle stream sends an empty message this often (real time: it is for proxies' idle timers), so proxies keep the connection open.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    public static RouteGroupBuilder MapDirectLineStream(this RouteGroupBuilder group)
    {
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return group;
    }

    private static async Task<IResult> StreamAsync(
        HttpContext http, string conversationId, string? watermark, DirectLineSecret secret, DirectLineTokens tokens, DirectLineStore store, ConversationSignals signals,
        TimeProvider time)
    {
        // A browser's WebSocket cannot send headers: the token comes in the url's "t".
        var (conversation, caller, refusal) = await DirectLineEndpoints.AuthorizeCallerAsync(http, conversationId, secret, tokens, store, allowQueryToken: true);
        if (conversation is null)
        {
            return refusal!;
        }

        var (from, problem) = await DirectLineEndpoints.ReadWatermarkAsync(watermark, conversation, store, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadArgument("The stream is a WebSocket; poll GET .../activities otherwise.");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var reading = DrainAsync(socket, closed);
        // The secret's holder has no expiry; a token's stream ends when the token does.
        var expired = caller!.Grant is { } grant
            ? Task.Delay(Max(grant.ExpiresAt - time.GetUtcNow(), TimeSpan.Zero), time, closed.Token)
            : Task.Delay(Timeout.Infinite, closed.Token);
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        var position = from ?? 0;
        // One keep-alive timer at a time, made again only when it fires: a new 30 s timer at every
        // wake-up left thousands alive on a busy stream (each living 30 s, into the oldest GC
        // generation), which cost the channel measurable throughput.
        var keepAlive = Task.Delay(KeepAlive, closed.Token);
        try
        {
            while (!closed.IsCancellationRequested)
            {
                // Taken before reading, so an activity stored in between wakes the wait below.
                var next = signals.Next(conversation.Id);
                var (activities, reached) = await store.ReadAfterAsync(conversation.Id, position, closed.Token);
                if (activities.Count > 0)
                {
                    await SendAsync(socket, DirectLineEndpoints.ActivitySetJson(activities, reached), closed.Token);
                    position = reached;
                    if (activities.Count == DirectLineStore.PageSize)
                    {
                        // A full page: there may be more already.
                        continue;
                    }

                    // Otherwise read again only when woken: what was stored since this read began
                    // has completed `next` (a second, empty read per activity cost the channel
                    // measurable throughput).
                }

                var woken = await Task.WhenAny(next, keepAlive, reading, expired);
                if (woken == reading)
                {
                    break;
                }

                if (woken == expired && expired.IsCompletedSuccessfully)
                {
                    closeStatus = WebSocketCloseStatus.PolicyViolation;
                    break;
                }

                if (woken == keepAlive && !closed.IsCancellationRequested)
                {
                    keepAlive = Task.Delay(KeepAlive, closed.Token);
                    await SendAsync(socket, [], closed.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away.
        }

        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseOutputAsync(closeStatus, closeStatus == WebSocketCloseStatus.PolicyViolation ? "token expired" : null, CancellationToken.None);
        }

        return Results.Empty;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static Task SendAsync(WebSocket socket, byte[] message, CancellationToken cancellationToken) =>
        socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads (and drops) what the client sends until it closes, then cancels the stream.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closed.CancelAsync();
        }
    }
}
