using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for a channel's Bot Connector service (the far side
/// of the network that the Emulator, Teams or Azure Bot Service run). It records every activity the
/// bot delivers to /v3/conversations/{id}/activities[/{replyToId}], and can be told to answer
/// 429, 500 or 403 instead, or to answer slowly.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private readonly TaskCompletionSource firstDelivery = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication app = null!;

    /// <summary>Activities answered with 200, in arrival order.</summary>
    public ConcurrentQueue<(string ConversationId, JsonNode Activity)> Received { get; } = new();

    /// <summary>Completes when the first activity has been delivered (answered 200 and in <see cref="Received"/>).</summary>
    public Task FirstDelivery => firstDelivery.Task;

    /// <summary>Every request, delivered or not.</summary>
    public int Requests => attempts.Values.Sum();

    public int AttemptsFor(string conversationId) => attempts.GetValueOrDefault(conversationId);

    /// <summary>Given the conversation id and the 1-based attempt for it, an answer other than 200, or null for 200.</summary>
    public Func<string, int, IResult?> Answer { get; set; } = (_, _) => null;

    /// <summary>How long each request takes before it is answered.</summary>
    public TimeSpan Delay { get; set; }

    public string ServiceUrl { get; private set; } = "";

    private int inFlight;

    /// <summary>The most requests that were being answered at the same time.</summary>
    public int MaxConcurrentRequests { get; private set; }

    public IReadOnlyList<JsonNode> To(string conversationId) => Received.Where(r => r.ConversationId == conversationId).Select(r => r.Activity).ToList();

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        (connector.app, connector.ServiceUrl) = await LoopbackServer.StartAsync(app => app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", connector.HandleAsync));
        return connector;
    }

    private async Task<IResult> HandleAsync(string conversationId, HttpRequest request)
    {
        var attempt = attempts.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        var concurrent = Interlocked.Increment(ref inFlight);
        lock (attempts)
        {
            MaxConcurrentRequests = Math.Max(MaxConcurrentRequests, concurrent);
        }

        try
        {
            var activity = await JsonNode.ParseAsync(request.Body);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            if (Answer(conversationId, attempt) is { } refusal)
            {
                return refusal;
            }

            Received.Enqueue((conversationId, activity!));
            firstDelivery.TrySetResult();
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    /// <summary>429 with a Retry-After header, as the Bot Connector service answers when throttling.</summary>
    public static IResult TooManyRequests(int retryAfterSeconds) => new RetryAfterResult(retryAfterSeconds);

    /// <summary>An answer that takes longer than the bot waits: the request is never delivered.</summary>
    public static IResult Hang(TimeSpan duration) => new HangResult(duration);

    private sealed class HangResult(TimeSpan duration) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            await Task.Delay(duration, httpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            httpContext.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }
    }

    private sealed class RetryAfterResult(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return httpContext.Response.WriteAsJsonAsync(new { error = new { code = "Throttled", message = "Too many requests" } });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
