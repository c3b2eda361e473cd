using System.Text.Json;
using CampaignBot.Data;

namespace CampaignBot.Ledger.Repositories;

/// <summary>Who changed what, from which chat: one row per change, written in the change's transaction.</summary>
public sealed record AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public long? ActorPersonId { get; init; }
    public string ActorAccount { get; init; } = "";
    public string Action { get; init; } = "";
    public string Entity { get; init; } = "";
    public string EntityKey { get; init; } = "";
    public string? BeforeJson { get; init; }
    public string? AfterJson { get; init; }
    public string? ChannelId { get; init; }
    public string? ConversationId { get; init; }

    /// <summary>A change made in chat by <paramref name="person"/>; before and after (when there is one) are kept as JSON.</summary>
    public static AuditEntry ByChat(ChatActor actor, Person person, DateTimeOffset at, string action, string entity, string key, object? before, object? after) => new()
    {
        At = at,
        ActorPersonId = person.Id,
        ActorAccount = actor.AccountId,
        Action = action,
        Entity = entity,
        EntityKey = key,
        BeforeJson = before is null ? null : JsonSerializer.Serialize(before, AuditJson.Options),
        AfterJson = after is null ? null : JsonSerializer.Serialize(after, AuditJson.Options),
        ChannelId = actor.ChannelId,
        ConversationId = actor.ConversationId,
    };
}
