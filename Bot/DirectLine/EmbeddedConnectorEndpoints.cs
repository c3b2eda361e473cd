using System.Text;
using CampaignBot.Bots;

namespace CampaignBot.DirectLine;

/// <summary>
/// The Bot Connector endpoint of the embedded channel, kept for one outside client: an operator's
/// command (`reminders run` in another process), whose messages must reach the streams open in the
/// running bot. The bot itself never posts here (it writes into the store in process). Only callers
/// with the connector key (derived from the channel secret) are accepted, and only for conversations
/// the embedded channel created (its store has them); anything else is 401 or 404.
/// </summary>
public static class EmbeddedConnectorEndpoints
{
    public static IEndpointRouteBuilder MapEmbeddedConnector(this IEndpointRouteBuilder endpoints)
    {
        // This process hosts the channel: its own turns and reminders write into the store directly.
        endpoints.ServiceProvider.GetRequiredService<EmbeddedConnector>().HostHere();
        var group = endpoints.MapGroup(EmbeddedConnector.PathMarker.TrimEnd('/') + "/v3/conversations/{conversationId}/activities");
        group.MapPost("/", ReceiveAsync);
        group.MapPost("/{replyToId}", (HttpContext http, string conversationId, string replyToId, EmbeddedConnector connector, DirectLineStore store, BotActivityWriter writer) =>
            ReceiveAsync(http, conversationId, connector, store, writer));
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, string conversationId, EmbeddedConnector connector, DirectLineStore store, BotActivityWriter writer)
    {
        if (!connector.IsAuthorized(http.Request.Headers.Authorization))
        {
            return DirectLineErrors.Unauthorized("Only the bot may post here.");
        }

        var conversation = await store.FindAsync(conversationId, http.RequestAborted);
        if (conversation is null)
        {
            // As a cloud channel answers for a conversation that is gone: the dispatcher unbinds the chat.
            return DirectLineErrors.NotFound("No such conversation.");
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        if (ActivityShape.Parse(await reader.ReadToEndAsync(http.RequestAborted), out var activity) is { } problem)
        {
            return DirectLineErrors.BadArgument(problem);
        }

        var id = await writer.WriteAsync(conversation, activity!, http.RequestAborted);
        return Results.Json(new { id });
    }
}
