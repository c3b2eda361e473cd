using CampaignBot.Ledger;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Data.Repositories;

/// <summary>The evidence (佐证材料) kept per task: notes, attachments and links.</summary>
public sealed class EvidenceRepository(LedgerDatabase database)
{
    public static class Kinds
    {
        public const string Note = "note";
        public const string Attachment = "attachment";
        public const string Link = "link";
    }

    /// <param name="AttachmentId">The file kept by this server that the evidence is (its uploader sent it), if any.</param>
    public sealed record NewEvidence(string Kind, string? Name, string? Url, string? ContentType, string? Note, string? AttachmentId = null);

    public static Task AddAsync(SqliteConnection connection, SqliteTransaction transaction, long taskId, long? personId, DateTimeOffset at, NewEvidence evidence)
    {
        const string sql = """
            INSERT INTO evidence (task_id, kind, name, url, content_type, note, by_person_id, at, attachment_id)
            VALUES (@TaskId, @Kind, @Name, @Url, @ContentType, @Note, @PersonId, @At, @AttachmentId)
            """;
        return connection.ExecuteAsync(sql, new
        {
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

    public async Task<IReadOnlyList<Evidence>> ForTaskAsync(long taskId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT e.id, e.kind, e.name, e.url, e.content_type, e.note, p.name AS by_name, e.at
            FROM evidence e LEFT JOIN person p ON p.id = e.by_person_id
            WHERE e.task_id = @TaskId ORDER BY e.at, e.id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Evidence>(sql, new { TaskId = taskId })).AsList();
    }

    /// <summary>The tasks that a stored file is evidence of.</summary>
    public async Task<IReadOnlyList<long>> TasksWithAttachmentAsync(string attachmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(
            "SELECT DISTINCT task_id FROM evidence WHERE attachment_id = @AttachmentId", new { AttachmentId = attachmentId })).AsList();
    }
}
