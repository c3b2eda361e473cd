using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for a channel's Bot Connector service (the far side
/// of the network that the Emulator, Teams or Azure Bot Service run). It records every activity the
/// bot posts to /v3/conversations/{id}/activities[/{replyToId}].
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeConnector(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string ConversationId, JsonNode Activity)> Received { get; } = new();

    public string ServiceUrl { get; private set; } = "";

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var connector = new FakeConnector(builder.Build());
        connector.app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (string conversationId, HttpRequest request) =>
        {
            var activity = await JsonNode.ParseAsync(request.Body);
            connector.Received.Enqueue((conversationId, activity!));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await connector.app.StartAsync();
        var address = connector.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address + "/";
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
