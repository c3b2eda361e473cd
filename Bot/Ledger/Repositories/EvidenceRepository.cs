using CampaignBot.Data;
using CampaignBot.Ledger;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// The evidence (佐证材料) kept per task: notes, attachments and links. Adding and withdrawing run
/// inside the caller's write (they take its transaction); the reads open their own connection.
/// </summary>
public sealed class EvidenceRepository(LedgerDatabase database, EvidenceFileRepository files)
{
    public static class Kinds
    {
        public const string Note = "note";
        public const string Attachment = "attachment";
        public const string Link = "link";
    }

    /// <param name="AttachmentId">The file kept by this server that the evidence is (its uploader sent it), if any.</param>
    /// <param name="File">The file to keep in the evidence store, when the evidence is one the bot can fetch.</param>
    /// <summary>
    /// The SQL condition for an upload (a row of the Direct Line store's directline_attachment, by
    /// <paramref name="table"/>) that no evidence row, shown or withdrawn, names: the ledger's half of
    /// the store's quota and sweep queries.
    /// </summary>
    public static string AttachmentUnclaimed(string table) => $"NOT EXISTS (SELECT 1 FROM evidence e WHERE e.attachment_id = {table}.id)";

    public sealed record NewEvidence(string Kind, string? Name, string? Url, string? ContentType, string? Note, string? AttachmentId = null, IncomingFile? File = null);

    /// <summary>Adds the piece and returns its id.</summary>
    public async Task<long> AddAsync(SqliteTransaction transaction, long taskId, long? personId, DateTimeOffset at, NewEvidence evidence)
    {
        var connection = transaction.Connection!;
        const string sql = """
            INSERT INTO evidence (task_id, kind, name, url, content_type, note, by_person_id, at, attachment_id, file_id)
            VALUES (@TaskId, @Kind, @Name, @Url, @ContentType, @Note, @PersonId, @At, @AttachmentId, @FileId)
            RETURNING id
            """;
        long? fileId = evidence.File is { } file ? await files.InsertPendingAsync(transaction, file, at) : null;
        return await connection.ExecuteScalarAsync<long>(sql, new
        {
            FileId = fileId,
            TaskId = taskId,
            evidence.Kind,
            evidence.Name,
            evidence.Url,
            evidence.ContentType,
            evidence.Note,
            evidence.AttachmentId,
            PersonId = personId,
            At = UtcText.Format(at),
        }, transaction);
    }

    /// <summary>Withdraws pieces (kept, no longer shown or exported): the undoing of the change that added them.</summary>
    public Task WithdrawAsync(SqliteTransaction transaction, IReadOnlyList<long> ids, long personId, DateTimeOffset at) =>
        transaction.Connection!.ExecuteAsync(
            "UPDATE evidence SET withdrawn_at = @At, withdrawn_by_person_id = @PersonId WHERE id IN @Ids AND withdrawn_at IS NULL",
            new { Ids = ids, PersonId = personId, At = UtcText.Format(at) }, transaction);

    public async Task<IReadOnlyList<Evidence>> ForTaskAsync(long taskId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT e.id, e.kind, e.name, e.url, e.content_type, e.note, p.name AS by_name, e.at,
                   f.state AS file_state, f.last_error AS file_problem, f.size_bytes
            FROM evidence e LEFT JOIN person p ON p.id = e.by_person_id LEFT JOIN evidence_file f ON f.id = e.file_id
            WHERE e.task_id = @TaskId AND e.withdrawn_at IS NULL ORDER BY e.at, e.id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Evidence>(sql, new { TaskId = taskId })).AsList();
    }

    /// <summary>Every piece of evidence still shown, with its kept file's hash, for the binder (task id order).</summary>
    public async Task<IReadOnlyList<BinderEvidence>> ForBinderAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT e.id, e.task_id, e.kind, e.name, e.url, e.note, p.name AS by_name, e.at,
                   f.state AS file_state, f.sha256, f.original_name, f.size_bytes, f.content_type
            FROM evidence e LEFT JOIN person p ON p.id = e.by_person_id LEFT JOIN evidence_file f ON f.id = e.file_id
            WHERE e.withdrawn_at IS NULL ORDER BY e.task_id, e.at, e.id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<BinderEvidence>(sql)).AsList();
    }

    /// <summary>The tasks that a stored file is evidence of.</summary>
    public async Task<IReadOnlyList<long>> TasksWithAttachmentAsync(string attachmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(
            "SELECT DISTINCT task_id FROM evidence WHERE attachment_id = @AttachmentId AND withdrawn_at IS NULL", new { AttachmentId = attachmentId })).AsList();
    }
}
