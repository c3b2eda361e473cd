using System.Text.Json;
using CampaignBot.Chat.Replies;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Reminders;
using CampaignBot.Scheduling.Time;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger;

/// <summary>
/// Changes to who does a task and by when: extension requests (申请延期) and their decisions, and
/// hand-overs (转办). Each runs in one immediate transaction with its audit row and the notices it
/// owes (through the outbox); pending reminders of the task are cancelled, so none goes out for the
/// old deadline or to the old office, and the next planning follows the new ones.
/// </summary>
public sealed class DeadlineChanges(LedgerDatabase database, TimeProvider time, CampaignClock clock, Microsoft.Extensions.Options.IOptions<CampaignOptions> campaign)
{
    private sealed record Request(long TaskId, string Code, string OldDueOn, string NewDueOn, string ReplyTarget, string State);

    /// <summary>Asks the coordinators for a later deadline. Only the lead office and coordinators may ask.</summary>
    public Task<string> RequestExtensionAsync(ChatActor actor, string code, DateOnly newDue, string? reason, string replyTarget, ReplyTexts texts, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var task = await TaskRepository.FindByCodeAsync(connection, transaction, code);
            if (Refusal(task, actor, texts, code) is { } refusal)
            {
                return refusal;
            }

            if (task!.IsDone)
            {
                return texts.TaskAlreadyDone(task);
            }

            if (newDue <= task.DueOn)
            {
                return texts.ExtensionNotLater(task);
            }

            if (newDue > LatestDueOn)
            {
                return texts.DeadlineTooFar(task, LatestDueOn);
            }

            var pending = await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM extension_request WHERE task_id = @TaskId AND state = 'pending'", new { TaskId = task.Id }, transaction);
            if (pending is { } open)
            {
                return texts.ExtensionPending(task, open);
            }

            var now = time.GetUtcNow();
            var person = actor.Person!;
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO extension_request (task_id, requested_by, old_due_on, new_due_on, reason, reply_target, created_at)
                VALUES (@TaskId, @PersonId, @OldDue, @NewDue, @Reason, @ReplyTarget, @At) RETURNING id
                """,
                new { TaskId = task.Id, PersonId = person.Id, OldDue = task.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), NewDue = newDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Reason = reason, ReplyTarget = replyTarget, At = UtcText.Format(now) }, transaction);
            await AuditAsync(connection, transaction, actor, now, "extension.request", task.Code, new { task.DueOn }, new { Request = id, NewDue = newDue, Reason = reason });

            var coordinators = await Notices.LeadershipChatsAsync(connection, transaction);
            var notice = texts.ExtensionNotice(person.Name, task, newDue, reason, id) + "\n"
                + Notices.Button(texts.ApproveButton, texts.ApproveCommand(id)) + " " + Notices.Button(texts.RejectButton, texts.RejectCommand(id));
            await Notices.EnqueueAsync(connection, transaction, coordinators, notice, now, clock.Zone);
            return texts.ExtensionRequested(task, newDue, id, coordinators.Count > 0);
        }, cancellationToken);

    /// <summary>A coordinator approves (the deadline moves) or rejects a pending request; the asker's chat is told.</summary>
    public Task<string> DecideExtensionAsync(ChatActor actor, long requestId, bool approve, string? note, ReplyTexts texts, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (actor.Person is not { IsCoordinator: true } person)
            {
                return texts.OnlyCoordinatorsDecide;
            }

            var request = await connection.QuerySingleOrDefaultAsync<Request>(
                """
                SELECT r.task_id AS TaskId, t.code, r.old_due_on AS OldDueOn, r.new_due_on AS NewDueOn, r.reply_target AS ReplyTarget, r.state
                FROM extension_request r JOIN task t ON t.id = r.task_id WHERE r.id = @Id
                """, new { Id = requestId }, transaction);
            if (request is null)
            {
                return texts.ExtensionNotFound(requestId);
            }

            if (request.State != "pending")
            {
                return texts.ExtensionAlreadyDecided(requestId, request.State == "approved");
            }

            var now = time.GetUtcNow();
            var newDue = DateOnly.Parse(request.NewDueOn, System.Globalization.CultureInfo.InvariantCulture);
            // A request asked before the limit existed (or before it was lowered) is not approved past it.
            if (approve && newDue > LatestDueOn)
            {
                return texts.DeadlineTooFar((await TaskRepository.FindByCodeAsync(connection, transaction, request.Code))!, LatestDueOn);
            }

            if (approve)
            {
                await connection.ExecuteAsync("UPDATE task SET due_on = @NewDue, updated_at = @At WHERE id = @Id",
                    new { Id = request.TaskId, NewDue = newDue, At = UtcText.Format(now) }, transaction);
                await CancelPendingRemindersAsync(connection, transaction, request.TaskId);
            }

            await connection.ExecuteAsync(
                "UPDATE extension_request SET state = @State, decided_by = @PersonId, decided_at = @At, decision_note = @Note WHERE id = @Id",
                new { Id = requestId, State = approve ? "approved" : "rejected", PersonId = person.Id, At = UtcText.Format(now), Note = note }, transaction);
            // One audit row per decision: an approval is the deadline change itself.
            await AuditAsync(connection, transaction, actor, now, approve ? "task.extend" : "extension.reject", request.Code,
                approve ? new { DueOn = request.OldDueOn } : null, new { DueOn = approve ? request.NewDueOn : request.OldDueOn, Request = requestId, Note = note });

            var task = (await TaskRepository.FindByCodeAsync(connection, transaction, request.Code))!;
            await Notices.EnqueueAsync(connection, transaction, [request.ReplyTarget], texts.ExtensionDecisionNotice(requestId, approve, task, newDue, person.Name, note), now, clock.Zone);
            return texts.ExtensionDecided(requestId, approve, task, newDue);
        }, cancellationToken);

    /// <summary>
    /// Hands a task to another office, or to a person (whose office then leads). The lead of the
    /// task's office or a coordinator may; both offices' chats are told.
    /// </summary>
    public Task<string> ReassignAsync(ChatActor actor, string code, string to, ReplyTexts texts, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var before = await TaskRepository.FindByCodeAsync(connection, transaction, code);
            if (before is null)
            {
                return texts.TaskNotFound(code);
            }

            if (actor.Person is not { } person)
            {
                return texts.UnknownPersonCannotChange(actor.AccountId);
            }

            if (!person.IsCoordinator && !(person.Role == Roles.Lead && person.OfficeId == before.LeadOfficeId))
            {
                return texts.OnlyLeadsReassign(before);
            }

            var wanted = to.Trim().TrimEnd('。', '.');
            var office = (await DirectoryRepository.OfficesAsync(connection, transaction))
                .FirstOrDefault(o => o.Names.Any(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase)));
            var owner = office is null
                ? (await DirectoryRepository.PeopleAsync(connection, transaction)).FirstOrDefault(p => p.Name == wanted)
                : null;
            if (office is null && owner is null)
            {
                return texts.ReassignTargetUnknown(wanted);
            }

            var leadOfficeId = office?.Id ?? owner!.OfficeId;
            if (leadOfficeId == before.LeadOfficeId && (office is not null || owner!.Id == before.OwnerId))
            {
                return texts.ReassignUnchanged(before);
            }

            var now = time.GetUtcNow();
            await connection.ExecuteAsync(
                "UPDATE task SET lead_office_id = @Office, owner_id = @Owner, updated_at = @At WHERE id = @Id",
                new { Id = before.Id, Office = leadOfficeId, Owner = owner?.Id, At = UtcText.Format(now) }, transaction);
            await connection.ExecuteAsync("DELETE FROM task_co_office WHERE task_id = @Id AND office_id = @Office", new { before.Id, Office = leadOfficeId }, transaction);
            await CancelPendingRemindersAsync(connection, transaction, before.Id);
            var after = (await TaskRepository.FindByCodeAsync(connection, transaction, code))!;
            await AuditAsync(connection, transaction, actor, now, "task.reassign", after.Code,
                new { Office = before.LeadOfficeName, Owner = before.OwnerName }, new { Office = after.LeadOfficeName, Owner = after.OwnerName });

            var chats = (await Notices.OfficeChatsAsync(connection, transaction, before.LeadOfficeId))
                .Concat(await Notices.OfficeChatsAsync(connection, transaction, leadOfficeId));
            await Notices.EnqueueAsync(connection, transaction, chats, texts.ReassignNotice(after, before.LeadOfficeName, person.Name), now, clock.Zone);
            return texts.Reassigned(after);
        }, cancellationToken);

    private DateOnly LatestDueOn => clock.Today.AddDays(campaign.Value.MaxDeadlineDaysAhead);

    /// <summary>Who may ask for a later deadline: the lead office (whose owner answers for the task) and coordinators.</summary>
    private static string? Refusal(LedgerTask? task, ChatActor actor, ReplyTexts texts, string code) =>
        task is null ? texts.TaskNotFound(code)
        : actor.Person is not { } person ? texts.UnknownPersonCannotChange(actor.AccountId)
        : !person.IsCoordinator && person.OfficeId != task.LeadOfficeId ? texts.ExtensionNotPermitted(task)
        : null;

    /// <summary>Reminders queued for the task's old deadline or old office are not sent; the next planning follows the new ones.</summary>
    private static Task CancelPendingRemindersAsync(SqliteConnection connection, SqliteTransaction transaction, long taskId) =>
        connection.ExecuteAsync("UPDATE reminder SET state = 'cancelled' WHERE task_id = @TaskId AND state = 'pending'", new { TaskId = taskId }, transaction);

    private static Task AuditAsync(SqliteConnection connection, SqliteTransaction transaction, ChatActor actor, DateTimeOffset now, string action, string code, object? before, object? after) =>
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
