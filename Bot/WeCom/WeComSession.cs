using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CampaignBot.WeCom;

/// <summary>
/// One open long connection: frames are sent one at a time (a WebSocket takes one send at a time),
/// and a request waits for WeCom's acknowledgement under its req_id, as the official SDK does
/// (5 seconds; an errcode other than 0 is a refusal).
/// </summary>
public sealed class WeComSession(ClientWebSocket socket)
{
    public static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WeComFrames.Frame>> pending = new();

    public ClientWebSocket Socket => socket;

    public bool IsOpen => socket.State == WebSocketState.Open;

    public async Task SendAsync(string frame, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Sends a frame and waits for its acknowledgement; <see cref="WeComException"/> when WeCom refuses it or is silent.</summary>
    public async Task<WeComFrames.Frame> RequestAsync(string cmd, string reqId, JsonObject? body, CancellationToken cancellationToken)
    {
        // Replies on one req_id are sent one after another (a turn awaits each): wait for an earlier one's answer.
        var answer = new TaskCompletionSource<WeComFrames.Frame>(TaskCreationOptions.RunContinuationsAsynchronously);
        while (!pending.TryAdd(reqId, answer))
        {
            if (pending.TryGetValue(reqId, out var earlier))
            {
                await earlier.Task.WaitAsync(AckTimeout, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        try
        {
            await SendAsync(WeComFrames.Write(cmd, reqId, body), cancellationToken);
            var ack = await answer.Task.WaitAsync(AckTimeout, cancellationToken);
            return ack.ErrCode is null or 0 ? ack : throw new WeComException($"WeCom refused {cmd}: {ack.ErrCode} {ack.ErrMsg}", ack.ErrCode);
        }
        catch (TimeoutException)
        {
            throw new WeComException($"WeCom did not acknowledge {cmd} within {AckTimeout.TotalSeconds} s");
        }
        finally
        {
            pending.TryRemove(new KeyValuePair<string, TaskCompletionSource<WeComFrames.Frame>>(reqId, answer));
        }
    }

    /// <summary>An acknowledgement arrived: true when a request was waiting for it.</summary>
    public bool Acknowledge(WeComFrames.Frame frame) => pending.TryGetValue(frame.ReqId, out var waiting) && waiting.TrySetResult(frame);

    /// <summary>The connection ended: whoever waits for an answer is told now, not after the timeout.</summary>
    public void Fail()
    {
        foreach (var waiting in pending.Values)
        {
            waiting.TrySetException(new WeComException("The WeCom long connection closed before WeCom answered"));
        }
    }
}
