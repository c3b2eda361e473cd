using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers 200 to anything and records every request: the
/// internal address an attacker names, to prove the bot never called it.
/// </summary>
public sealed class RecordingListener : IAsyncDisposable
{
    private WebApplication app = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>"METHOD path?query" of every request, in arrival order, with its Authorization header if any.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<RecordingListener> StartAsync()
    {
        var listener = new RecordingListener();
        (listener.app, listener.BaseUrl) = await LoopbackServer.StartAsync(app => app.Run(http =>
        {
            listener.Requests.Enqueue($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString} {http.Request.Headers.Authorization}".TrimEnd());
            http.Response.ContentType = "application/json";
            return http.Response.WriteAsync("""{"id":"x","errcode":0}""");
        }));
        return listener;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
