using System.Globalization;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Time;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignBot.Ledger;

/// <summary>
/// Extension requests (申请延期) and their decisions. Each runs in one immediate transaction with
/// its audit row and the notice it owes (through the outbox); an approval cancels the task's
/// pending reminders, so none goes out for the old deadline and the next planning follows the new one.
/// </summary>
public sealed class ExtensionRequests(LedgerDatabase database, AuditRepository audit, TaskRepository tasks, OutboxRepository outbox, TimeProvider time, CampaignClock clock, IOptions<CampaignOptions> campaign)
{
    private sealed record Request(long TaskId, string Code, string OldDueOn, string NewDueOn, string State);

    /// <summary>Asks the coordinators for a later deadline; the decision will be told to <paramref name="replyTo"/>.</summary>
    /// <param name="byDays">往后延一周: the new deadline is the task's own this many days later, on a workday (<paramref name="newDue"/> is then ignored).</param>
    public Task<ExtensionRequestOutcome> RequestAsync(
        ChatActor actor, string code, DateOnly newDue, string? reason, ChatTarget replyTo, CancellationToken cancellationToken, int? byDays = null) =>
        database.WriteAsync<ExtensionRequestOutcome>(async (connection, transaction) =>
        {
            var task = await tasks.FindByCodeAsync(transaction, code);
            if (task is null)
            {
                return new ExtensionRequestOutcome.TaskNotFound(code);
            }

            if (actor.Person is not { } person)
            {
                return new ExtensionRequestOutcome.UnknownPerson();
            }

            if (!Permissions.CanAskExtension(person, task))
            {
                return new ExtensionRequestOutcome.NotPermitted(task);
            }

            if (task.IsDone)
            {
                return new ExtensionRequestOutcome.AlreadyDone(task);
            }

            if (byDays is { } days)
            {
                newDue = task.DueOn.AddDays(days);
            }

            if (newDue <= task.DueOn)
            {
                return new ExtensionRequestOutcome.NotLater(task);
            }

            if (newDue > LatestDueOn)
            {
                return new ExtensionRequestOutcome.TooFar(task, LatestDueOn);
            }

            // A deadline falls on a workday: a rest day (a weekend, a holiday of the ledger's calendar) moves to the next one.
            var asked = newDue;
            newDue = (await WorkdayRepository.CalendarAsync(connection, transaction)).OnOrAfterWorkday(asked);

            var pending = await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM extension_request WHERE task_id = @TaskId AND state = 'pending'", new { TaskId = task.Id }, transaction);
            if (pending is { } open)
            {
                return new ExtensionRequestOutcome.AlreadyPending(task, open);
            }

            var now = time.GetUtcNow();
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO extension_request (task_id, requested_by, old_due_on, new_due_on, reason, reply_target, created_at)
                VALUES (@TaskId, @PersonId, @OldDue, @NewDue, @Reason, @ReplyTarget, @At) RETURNING id
                """,
                new { TaskId = task.Id, PersonId = person.Id, OldDue = task.DueOn, NewDue = newDue, Reason = reason, ReplyTarget = replyTo.Key, At = UtcText.Format(now) }, transaction);
            var auditId = await audit.AppendAsync(transaction,
                AuditEntry.ByChat(actor, person, now, "extension.request", "task", task.Code, new { task.DueOn }, new { Request = id, NewDue = newDue, Reason = reason }));

            var coordinators = await NoticeTargets.CoordinatorsAsync(connection, transaction);
            await outbox.EnqueueNoticeAsync(transaction, coordinators, new Notice.ExtensionRequested(id), now, clock.Zone);
            return new ExtensionRequestOutcome.Requested(task, newDue, id, coordinators.Count > 0) { AuditId = auditId, AskedFor = asked == newDue ? null : asked };
        }, cancellationToken);

    /// <summary>A coordinator approves (the deadline moves) or rejects a pending request; the asker's chat is told.</summary>
    public Task<ExtensionDecisionOutcome> DecideAsync(ChatActor actor, long requestId, bool approve, string? note, CancellationToken cancellationToken) =>
        database.WriteAsync<ExtensionDecisionOutcome>(async (connection, transaction) =>
        {
            if (!Permissions.CanAdminister(actor.Person) || actor.Person is not { } person)
            {
                return new ExtensionDecisionOutcome.NotCoordinator();
            }

            var request = await connection.QuerySingleOrDefaultAsync<(long TaskId, string Code, string OldDueOn, string NewDueOn, string ReplyTarget, string State)?>(
                """
                SELECT r.task_id, t.code, r.old_due_on, r.new_due_on, r.reply_target, r.state
                FROM extension_request r JOIN task t ON t.id = r.task_id WHERE r.id = @Id
                """, new { Id = requestId }, transaction);
            if (request is not { } found)
            {
                return new ExtensionDecisionOutcome.RequestNotFound(requestId);
            }

            if (found.State == "withdrawn")
            {
                return new ExtensionDecisionOutcome.Withdrawn(requestId);
            }

            if (found.State != "pending")
            {
                return new ExtensionDecisionOutcome.AlreadyDecided(requestId, found.State == "approved");
            }

            var now = time.GetUtcNow();
            var newDue = DateOnly.Parse(found.NewDueOn, CultureInfo.InvariantCulture);
            // The plan may have moved the deadline since the request (an import): an approval never brings it forward.
            var current = (await tasks.ByIdAsync(transaction, found.TaskId))!;
            if (approve && newDue <= current.DueOn)
            {
                return new ExtensionDecisionOutcome.NoLongerLater(requestId, current, newDue);
            }

            if (approve && newDue > LatestDueOn)
            {
                return new ExtensionDecisionOutcome.TooFar((await tasks.ByIdAsync(transaction, found.TaskId))!, LatestDueOn);
            }

            if (approve)
            {
                await connection.ExecuteAsync("UPDATE task SET due_on = @NewDue, updated_at = @At WHERE id = @Id",
                    new { Id = found.TaskId, NewDue = newDue, At = UtcText.Format(now) }, transaction);
                await outbox.CancelPendingRemindersOfTaskAsync(transaction, found.TaskId);
            }

            await connection.ExecuteAsync(
                "UPDATE extension_request SET state = @State, decided_by = @PersonId, decided_at = @At, decision_note = @Note WHERE id = @Id",
                new { Id = requestId, State = approve ? "approved" : "rejected", PersonId = person.Id, At = UtcText.Format(now), Note = note }, transaction);
            // One audit row per decision: an approval is the deadline change itself.
            await audit.AppendAsync(transaction, AuditEntry.ByChat(actor, person, now, approve ? "task.extend" : "extension.reject", "task", found.Code,
                approve ? new { DueOn = found.OldDueOn } : null, new { DueOn = approve ? found.NewDueOn : found.OldDueOn, Request = requestId, Note = note }));

            await outbox.EnqueueNoticeAsync(transaction, [MessageTarget.Parse(found.ReplyTarget)], new Notice.ExtensionDecided(requestId), now, clock.Zone);
            var task = (await tasks.ByIdAsync(transaction, found.TaskId))!;
            return new ExtensionDecisionOutcome.Decided(requestId, approve, task, newDue);
        }, cancellationToken);

    /// <summary>The requests waiting for a decision, oldest first.</summary>
    public async Task<IReadOnlyList<PendingExtension>> PendingAsync(CancellationToken cancellationToken = default) =>
        await database.Reads.QueryAsync<PendingExtension>(SelectPending + " ORDER BY r.id", null, cancellationToken);

    /// <summary>The task's request waiting for a decision, if any (a task has one at most).</summary>
    public async Task<PendingExtension?> PendingForTaskAsync(long taskId, CancellationToken cancellationToken = default) =>
        (await database.Reads.QueryAsync<PendingExtension>(SelectPending + " AND r.task_id = @TaskId", new { TaskId = taskId }, cancellationToken)).FirstOrDefault();

    private const string SelectPending = """
        SELECT r.id, r.task_id, t.code, t.title, p.name AS asker_name, o.name AS asker_office_name, r.old_due_on, r.new_due_on, r.reason
        FROM extension_request r JOIN task t ON t.id = r.task_id JOIN person p ON p.id = r.requested_by JOIN office o ON o.id = p.office_id
        WHERE r.state = 'pending'
        """;

    private DateOnly LatestDueOn => clock.Today.AddDays(campaign.Value.MaxDeadlineDaysAhead);
}
