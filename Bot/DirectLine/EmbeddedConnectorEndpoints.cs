using System.Text;
using CampaignBot.Bots;

namespace CampaignBot.DirectLine;

/// <summary>
/// The Bot Connector endpoint of the embedded channel: where the bot's replies and proactive
/// messages (reminders) to Web Chat conversations arrive, by the same ConnectorClient calls that
/// reach Teams. Only callers with the connector key (the bot) are accepted.
/// </summary>
public static class EmbeddedConnectorEndpoints
{
    public static IEndpointRouteBuilder MapEmbeddedConnector(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(EmbeddedConnector.PathMarker.TrimEnd('/') + "/v3/conversations/{conversationId}/activities");
        group.MapPost("/", ReceiveAsync);
        group.MapPost("/{replyToId}", (HttpContext http, string conversationId, string replyToId, EmbeddedConnector connector, DirectLineStore store, DirectLineChannel channel) =>
            ReceiveAsync(http, conversationId, connector, store, channel));
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, string conversationId, EmbeddedConnector connector, DirectLineStore store, DirectLineChannel channel)
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

        var id = await channel.PostFromBotAsync(conversation, activity!, http.RequestAborted);
        return Results.Json(new { id });
    }
}
