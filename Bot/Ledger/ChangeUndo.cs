using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Time;
using Dapper;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CampaignBot.Ledger;

/// <summary>
/// 撤销 / Undo: takes back exactly what one change did, found by its audit row: a completion and
/// the evidence it added, added evidence, a reopening, an extension request still pending, a
/// hand-over, a snooze. Only while the change is still the task's last one, and only by who made it
/// or a coordinator. One transaction; the undoing is audited too (change.undo), the change's row stays.
/// </summary>
public sealed class ChangeUndo(LedgerDatabase database, AuditRepository audit, TaskRepository tasks, EvidenceRepository evidence, OutboxRepository outbox, TimeProvider time, CampaignClock clock, IOptions<ReminderOptions> reminders)
{
    public const string Action = "change.undo";

    public Task<UndoOutcome> UndoAsync(ChatActor actor, long changeId, CancellationToken cancellationToken) =>
        database.WriteAsync<UndoOutcome>(async (connection, transaction) =>
        {
            var change = await audit.ByIdAsync(transaction, changeId);
            var task = change is { Entity: "task" } ? await tasks.FindByCodeAsync(transaction, change.EntityKey) : null;
            if (change is null || task is null)
            {
                return new UndoOutcome.NotFound(changeId);
            }

            if (actor.Person is not { } person)
            {
                return new UndoOutcome.UnknownPerson();
            }

            if (!Permissions.CanTakeBack(person, change.ActorPersonId))
            {
                return new UndoOutcome.NotPermitted(task);
            }

            if (await audit.LaterChangeOfTaskAsync(transaction, task.Code, changeId) is { } laterId
                && await audit.ByIdAsync(transaction, laterId) is { } later)
            {
                return new UndoOutcome.Superseded(task, later.Action, later.At);
            }

            var now = time.GetUtcNow();
            var undone = await UndoneAsync(connection, transaction, change, task, person, now);
            if (undone is null)
            {
                return new UndoOutcome.NotUndoable(task);
            }

            var after = (await tasks.ByIdAsync(transaction, task.Id))!;
            await audit.AppendAsync(transaction, AuditEntry.ByChat(actor, person, now, Action, "task", task.Code,
                new { Undoes = changeId, change.Action }, new { after.Status, after.DueOn, Office = after.LeadOfficeName, Owner = after.OwnerName, EvidenceWithdrawn = undone.Value.Withdrawn }));
            return new UndoOutcome.Undone(after, change.Action, undone.Value.Withdrawn, undone.Value.SnoozeTarget) { SnoozeBackTo = undone.Value.SnoozeBackTo };
        }, cancellationToken);

    /// <summary>Puts back what the change did; null when it cannot be (a request decided meanwhile, a row from before undo existed).</summary>
    private async Task<(int Withdrawn, string? SnoozeTarget, DateOnly? SnoozeBackTo)?> UndoneAsync(
        SqliteConnection connection, SqliteTransaction transaction, AuditEntry change, LedgerTask task, Person person, DateTimeOffset now)
    {
        switch (change.Action)
        {
            case "task.done":
            {
                // A row written before undo existed does not say which evidence the change added: not undone by guess.
                if (!Json(change.AfterJson).TryGetProperty("evidence", out _))
                {
                    return null;
                }

                var added = Read<TaskSnapshot>(change.AfterJson)?.Evidence ?? [];
                await tasks.ReopenAsync(transaction, task.Id, now);
                await evidence.WithdrawAsync(transaction, added, person.Id, now);
                return (added.Count, null, null);
            }

            case "evidence.add":
            {
                if (!Json(change.AfterJson).TryGetProperty("evidence", out _))
                {
                    return null;
                }

                var added = Read<TaskSnapshot>(change.AfterJson)?.Evidence ?? [];
                await evidence.WithdrawAsync(transaction, added, person.Id, now);
                return added.Count > 0 ? (added.Count, null, null) : null;
            }

            case "task.reopen":
                return Read<TaskSnapshot>(change.BeforeJson) is { DoneAt: { } doneAt, DoneById: not null } before
                    && await tasks.RestoreDoneAsync(transaction, task.Id, doneAt, before.DoneById, now)
                    ? (0, null, null)
                    : null;

            case "extension.request":
            {
                var request = Json(change.AfterJson).TryGetProperty("request", out var id) ? id.GetInt64() : 0;
                var withdrawn = await connection.ExecuteAsync(
                    "UPDATE extension_request SET state = 'withdrawn', decided_by = @PersonId, decided_at = @At WHERE id = @Id AND state = 'pending'",
                    new { Id = request, PersonId = person.Id, At = UtcText.Format(now) }, transaction);
                return withdrawn == 1 ? (0, null, null) : null;
            }

            case "task.reassign":
            {
                var handedFrom = Json(change.BeforeJson);
                if (!handedFrom.TryGetProperty("officeId", out var officeId))
                {
                    return null;
                }

                long? ownerId = handedFrom.TryGetProperty("ownerId", out var owner) && owner.ValueKind == JsonValueKind.Number ? owner.GetInt64() : null;
                await tasks.ChangeLeadAsync(transaction, task.Id, officeId.GetInt64(), ownerId, now);
                if (handedFrom.TryGetProperty("coOfficeIds", out var coOffices) && coOffices.GetString() is { Length: > 0 } ids)
                {
                    await tasks.RestoreCoOfficesAsync(transaction, task.Id, ids);
                }

                await outbox.CancelPendingRemindersOfTaskAsync(transaction, task.Id);
                // Told as the hand-over was: both offices (or their people) and the coordinators, not whoever undid it.
                var recipients = reminders.Value.UnboundOfficeRecipientsOrDefault();
                var owners = new[] { task.OwnerId, ownerId }.OfType<long>().ToList();
                var chats = (await NoticeTargets.OfficeAsync(connection, transaction, task.LeadOfficeId, owners, recipients))
                    .Concat(await NoticeTargets.OfficeAsync(connection, transaction, officeId.GetInt64(), owners, recipients))
                    .Concat(await NoticeTargets.CoordinatorsAsync(connection, transaction))
                    .Except(await PersonalChats.OfAsync(connection, transaction, [person.Id]));
                await outbox.EnqueueNoticeAsync(transaction, chats,
                    new Notice.Handover(task.Id, task.LeadOfficeId, officeId.GetInt64(), ownerId, person.Id), now, clock.Zone);
                return (0, null, null);
            }

            case "task.snooze":
            {
                var target = Json(change.AfterJson).TryGetProperty("target", out var t) ? t.GetString() : null;
                // A snooze that replaced an earlier one gives it back (取代之前设定的 12月4日); else there is none.
                if (Json(change.BeforeJson).TryGetProperty("day", out var earlier) && DateOnly.TryParse(earlier.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var day))
                {
                    var restored = await connection.ExecuteAsync("UPDATE snooze SET day = @Day WHERE task_id = @TaskId AND target = @Target",
                        new { Day = day, TaskId = task.Id, Target = target }, transaction);
                    return restored == 1 ? (0, target, day) : null;
                }

                var removed = await connection.ExecuteAsync("DELETE FROM snooze WHERE task_id = @TaskId AND target = @Target", new { TaskId = task.Id, Target = target }, transaction);
                return removed == 1 ? (0, target, null) : null;
            }

            default:
                return null;
        }
    }

    private static JsonElement Json(string? json) => JsonDocument.Parse(json ?? "{}").RootElement;

    private static T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, AuditJson.Options);
}
