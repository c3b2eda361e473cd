using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.ReadModels;

/// <summary>
/// What a notice is about, read by id from the ledger as it is when the notice is written
/// (Chat/Outgoing/NoticeComposer words it). What it is about may have been deleted since (an open
/// recurring task replaced by a new plan): then the read throws, and the message fails saying so.
/// </summary>
public sealed class NoticeFacts(LedgerDatabase database, TaskRepository tasks)
{
    /// <summary>An extension request, with its task as it is now.</summary>
    public sealed record Extension(LedgerTask Task, string Asker, DateOnly OldDueOn, DateOnly NewDueOn, string? Reason, string State, string? Decider, string? DecisionNote);

    /// <summary>A hand-over: the task as it went (its office and owner as decided then), from which office, by whom (null: removed since).</summary>
    public sealed record Handover(LedgerTask Task, string FromOffice, string? By);

    /// <summary>A lost evidence file: its task's code and title, and the file's name as sent.</summary>
    public sealed record LostEvidence(string Code, string Title, string FileName);

    private sealed record ExtensionRow(long TaskId, string Asker, DateOnly OldDueOn, DateOnly NewDueOn, string? Reason, string State, string? Decider, string? DecisionNote);

    public async Task<Extension> ExtensionAsync(long requestId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExtensionRow>(
            """
            SELECT r.task_id, p.name AS asker, r.old_due_on, r.new_due_on, r.reason, r.state, d.name AS decider, r.decision_note
            FROM extension_request r JOIN person p ON p.id = r.requested_by LEFT JOIN person d ON d.id = r.decided_by
            WHERE r.id = @Id
            """, new { Id = requestId }) ?? throw Gone("extension request", requestId);
        return new Extension(await TaskAsync(row.TaskId, cancellationToken), row.Asker, row.OldDueOn, row.NewDueOn, row.Reason, row.State, row.Decider, row.DecisionNote);
    }

    public async Task<Handover> HandoverAsync(Notice.Handover notice, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Where the task went and to whom as decided then, even if it has moved on again since.
        var task = await TaskAsync(notice.TaskId, cancellationToken) with
        {
            LeadOfficeId = notice.ToOfficeId,
            LeadOfficeName = await OfficeNameAsync(connection, notice.ToOfficeId) ?? "",
            OwnerId = notice.OwnerId,
            OwnerName = notice.OwnerId is { } owner ? await PersonNameAsync(connection, owner) : null,
        };
        return new Handover(task, await OfficeNameAsync(connection, notice.FromOfficeId) ?? "", await PersonNameAsync(connection, notice.ByPersonId));
    }

    /// <summary>Null when the office was removed since.</summary>
    public async Task<string?> OfficeNameAsync(long officeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await OfficeNameAsync(connection, officeId);
    }

    public async Task<LostEvidence> LostEvidenceAsync(long evidenceFileId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<LostEvidence>(
            """
            SELECT t.code, t.title, f.original_name AS file_name FROM evidence_file f JOIN evidence e ON e.file_id = f.id JOIN task t ON t.id = e.task_id
            WHERE f.id = @Id ORDER BY e.id LIMIT 1
            """, new { Id = evidenceFileId }) ?? throw Gone("evidence file", evidenceFileId);
    }

    /// <summary>What a notice is about was deleted since: the message fails saying so.</summary>
    private static InvalidOperationException Gone(string what, long id) => new($"The {what} #{id} this notice is about no longer exists; not sent.");

    private async Task<LedgerTask> TaskAsync(long taskId, CancellationToken cancellationToken) =>
        await tasks.ByIdAsync(taskId, cancellationToken) ?? throw Gone("task", taskId);

    private static Task<string?> OfficeNameAsync(SqliteConnection connection, long officeId) =>
        connection.ExecuteScalarAsync<string?>("SELECT name FROM office WHERE id = @Id", new { Id = officeId });

    /// <summary>Null when the person was removed since.</summary>
    private static Task<string?> PersonNameAsync(SqliteConnection connection, long personId) =>
        connection.ExecuteScalarAsync<string?>("SELECT name FROM person WHERE id = @Id", new { Id = personId });
}
