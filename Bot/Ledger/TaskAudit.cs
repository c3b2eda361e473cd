using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger;

/// <summary>The audit row of a change to a task's plan (deadline, office), written in the change's transaction.</summary>
internal static class TaskAudit
{
    public static Task AppendAsync(
        SqliteConnection connection, SqliteTransaction transaction, ChatActor actor, DateTimeOffset now, string action, string code, object? before, object? after) =>
        AuditRepository.AppendAsync(connection, transaction, new AuditEntry
        {
            At = now,
            ActorPersonId = actor.Person?.Id,
            ActorAccount = actor.AccountId,
            Action = action,
            Entity = "task",
            EntityKey = code,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before, AuditJson.Options),
            AfterJson = after is null ? null : JsonSerializer.Serialize(after, AuditJson.Options),
            ChannelId = actor.ChannelId,
            ConversationId = actor.ConversationId,
        });
}
