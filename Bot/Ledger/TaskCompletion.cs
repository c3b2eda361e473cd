using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger;

/// <summary>
/// Marks tasks done (with notes and attachments as evidence) and reopens them. Each change checks
/// the actor's permission, changes the task only from the expected state, records the evidence
/// and writes its audit row, all in one immediate transaction: of many simultaneous "done" for one
/// task exactly one changes it.
/// </summary>
public sealed class TaskCompletion(LedgerDatabase database, AuditRepository audit, TaskRepository tasks, EvidenceRepository evidence, TimeProvider time)
{
    public Task<TaskChangeOutcome> MarkDoneAsync(
        ChatActor actor, string code, string? note, IReadOnlyList<EvidenceRepository.NewEvidence> attachments, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, code, "task.done", async (connection, transaction, task, person, now, added) =>
        {
            if (!await tasks.MarkDoneAsync(transaction, task.Id, person.Id, now))
            {
                return false;
            }

            added.AddRange(await AddEvidenceAsync(transaction, task, person, now, note, attachments));
            return true;
        }, cancellationToken);

    /// <summary>补充佐证: evidence added to a task (done or not) without changing its state.</summary>
    public Task<TaskChangeOutcome> AddEvidenceAsync(
        ChatActor actor, string code, string? note, IReadOnlyList<EvidenceRepository.NewEvidence> attachments, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, code, "evidence.add", async (connection, transaction, task, person, now, added) =>
        {
            if (note is null && attachments.Count == 0)
            {
                return false;
            }

            added.AddRange(await AddEvidenceAsync(transaction, task, person, now, note, attachments));
            return true;
        }, cancellationToken);

    /// <summary>
    /// How long after marking a task done a file sent on its own in the same chat, by the same person,
    /// becomes that task's evidence: as long as DingTalk holds a file sent before its words.
    /// </summary>
    public static readonly TimeSpan FilesFollowCompletionFor = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The code of the task the actor marked done in this chat within <see cref="FilesFollowCompletionFor"/>
    /// (the latest, if several); null when there is none. Read from the audit, which records who, where and when.
    /// </summary>
    public async Task<string?> JustCompletedAsync(ChatActor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Person is not { } person)
        {
            return null;
        }

        var code = await audit.LatestInChatSinceAsync("task.done", person.Id, actor.ChannelId, actor.ConversationId, time.GetUtcNow() - FilesFollowCompletionFor, cancellationToken);
        // A completion undone (撤销) or reopened since is not one files follow.
        return code is not null && await tasks.FindByCodeAsync(code, cancellationToken) is { IsDone: true } ? code : null;
    }

    /// <summary>The note (if any) and each attachment as evidence of the task, in the change's transaction; the pieces' ids.</summary>
    private async Task<List<long>> AddEvidenceAsync(
        SqliteTransaction transaction, LedgerTask task, Person person, DateTimeOffset now, string? note, IReadOnlyList<EvidenceRepository.NewEvidence> attachments)
    {
        var ids = new List<long>();
        if (note is not null)
        {
            ids.Add(await evidence.AddAsync(transaction, task.Id, person.Id, now,
                new EvidenceRepository.NewEvidence(EvidenceRepository.Kinds.Note, null, null, null, note)));
        }

        foreach (var attachment in attachments)
        {
            ids.Add(await evidence.AddAsync(transaction, task.Id, person.Id, now, attachment));
        }

        return ids;
    }

    /// <summary>
    /// Withdraws a piece of evidence added by mistake: by whoever added it, or a coordinator. It stays
    /// in the ledger (and the audit says who withdrew it) but is no longer shown or exported.
    /// </summary>
    public Task<EvidenceWithdrawalOutcome> WithdrawEvidenceAsync(ChatActor actor, long evidenceId, CancellationToken cancellationToken = default) =>
        database.WriteAsync<EvidenceWithdrawalOutcome>(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<(long TaskId, long? ByPersonId, string Kind, string? Name, string? Note)>(
                "SELECT task_id, by_person_id, kind, name, note FROM evidence WHERE id = @Id AND withdrawn_at IS NULL", new { Id = evidenceId }, transaction);
            if (row.TaskId == 0)
            {
                return new EvidenceWithdrawalOutcome.EvidenceNotFound(evidenceId);
            }

            var task = (await tasks.ByIdAsync(transaction, row.TaskId))!;
            if (actor.Person is not { } person)
            {
                return new EvidenceWithdrawalOutcome.UnknownPerson();
            }

            if (!Permissions.CanTakeBack(person, row.ByPersonId))
            {
                return new EvidenceWithdrawalOutcome.NotPermitted(task);
            }

            var now = time.GetUtcNow();
            await connection.ExecuteAsync("UPDATE evidence SET withdrawn_at = @Now, withdrawn_by_person_id = @PersonId WHERE id = @Id",
                new { Id = evidenceId, Now = UtcText.Format(now), PersonId = person.Id }, transaction);
            await audit.AppendAsync(transaction, new AuditEntry
            {
                At = now,
                ActorPersonId = person.Id,
                ActorAccount = actor.AccountId,
                Action = "evidence.withdraw",
                Entity = "evidence",
                EntityKey = evidenceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                BeforeJson = JsonSerializer.Serialize(new { Task = task.Code, row.Kind, row.Name, row.Note }, AuditJson.Options),
                ChannelId = actor.ChannelId,
                ConversationId = actor.ConversationId,
            });
            return new EvidenceWithdrawalOutcome.Withdrawn(task);
        }, cancellationToken);

    public Task<TaskChangeOutcome> ReopenAsync(ChatActor actor, string code, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, code, "task.reopen", async (connection, transaction, task, _, now, _) =>
            await tasks.ReopenAsync(transaction, task.Id, now), cancellationToken, reason);

    /// <param name="added">The evidence the change adds, by id: kept in its audit row, so that undoing it withdraws exactly those.</param>
    private delegate Task<bool> Change(SqliteConnection connection, SqliteTransaction transaction, LedgerTask task, Person person, DateTimeOffset now, List<long> added);

    private async Task<TaskChangeOutcome> ChangeAsync(
        ChatActor actor, string code, string action, Change change, CancellationToken cancellationToken, string? reason = null)
    {
        return await database.WriteAsync<TaskChangeOutcome>(async (connection, transaction) =>
        {
            var before = await tasks.FindByCodeAsync(transaction, code);
            if (before is null)
            {
                return new TaskChangeOutcome.TaskNotFound(code);
            }

            if (actor.Person is not { } person)
            {
                return new TaskChangeOutcome.UnknownPerson();
            }

            if (!Permissions.CanChange(person, before))
            {
                return new TaskChangeOutcome.NotPermitted(before);
            }

            var now = time.GetUtcNow();
            var doneBy = await tasks.DoneByAsync(transaction, before.Id);
            var added = new List<long>();
            if (!await change(connection, transaction, before, person, now, added))
            {
                return new TaskChangeOutcome.AlreadyInState(before);
            }

            var after = (await tasks.FindByCodeAsync(transaction, code))!;
            var auditId = await audit.AppendAsync(transaction, new AuditEntry
            {
                At = now,
                ActorPersonId = person.Id,
                ActorAccount = actor.AccountId,
                Action = action,
                Entity = "task",
                EntityKey = after.Code,
                BeforeJson = Snapshot(before, null, doneBy, []),
                AfterJson = Snapshot(after, reason, null, added),
                ChannelId = actor.ChannelId,
                ConversationId = actor.ConversationId,
            });
            return new TaskChangeOutcome.Changed(after, auditId);
        }, cancellationToken);
    }

    /// <summary>The task's state as the audit keeps it; who completed it (by id) and the evidence added, for undoing the change exactly.</summary>
    private static string Snapshot(LedgerTask task, string? reason, long? doneById, IReadOnlyList<long> evidence) =>
        JsonSerializer.Serialize(new TaskSnapshot(task.Status, task.DoneAt, task.DoneByName, doneById, task.EvidenceCount, reason, evidence), AuditJson.Options);
}
