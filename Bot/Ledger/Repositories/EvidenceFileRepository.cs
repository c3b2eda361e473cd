using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// The evidence_file table: one writer for a file's life from pending to stored, refused or failed.
/// Recording a file and reporting lost ones run inside the caller's write (they take its
/// transaction); a fetch's outcome is written in a write of its own.
/// </summary>
public sealed class EvidenceFileRepository(LedgerDatabase database)
{
    private const string Columns = """
        f.id, f.state, f.original_name, f.claimed_type, f.content_type, f.sha256, f.size_bytes, f.sender_account, f.received_at,
        f.source_url, e.attachment_id, f.needs_bot_credentials, f.channel_id, f.conversation_id, f.service_url, f.attempts, f.last_error
        """;

    /// <summary>
    /// How long the background retry leaves a new file to the first try, which runs right after the
    /// commit; past that (the process stopped in between), the retry takes it.
    /// </summary>
    public static readonly TimeSpan FirstTryGrace = TimeSpan.FromMinutes(1);

    /// <summary>Records a file to fetch, in the transaction that makes it evidence; it is fetched after the commit.</summary>
    public Task<long> InsertPendingAsync(SqliteTransaction transaction, IncomingFile file, DateTimeOffset now) =>
        transaction.Connection!.ExecuteScalarAsync<long>(
            """
            INSERT INTO evidence_file (state, original_name, claimed_type, sender_account, received_at, source_url, needs_bot_credentials,
                                       channel_id, conversation_id, service_url, next_attempt_at)
            VALUES ('pending', @Name, @ClaimedType, @SenderAccount, @Now, @SourceUrl, @NeedsBotCredentials, @ChannelId, @ConversationId, @ServiceUrl, @RetryAt)
            RETURNING id
            """,
            new { file.Name, file.ClaimedType, file.SenderAccount, file.SourceUrl, file.NeedsBotCredentials, file.ChannelId, file.ConversationId, file.ServiceUrl, Now = UtcText.Format(now), RetryAt = UtcText.Format(now + FirstTryGrace) },
            transaction);

    /// <summary>Files of a task's evidence that have never been tried: the ones that just arrived.</summary>
    public Task<IReadOnlyList<EvidenceFileRow>> UntriedOfTaskAsync(long taskId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM evidence_file f JOIN evidence e ON e.file_id = f.id WHERE e.task_id = @TaskId AND f.state = 'pending' AND f.attempts = 0 ORDER BY f.id",
            new { TaskId = taskId }, cancellationToken);

    /// <summary>Pending files whose next attempt is due.</summary>
    public Task<IReadOnlyList<EvidenceFileRow>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM evidence_file f JOIN evidence e ON e.file_id = f.id WHERE f.state = 'pending' AND e.withdrawn_at IS NULL AND f.next_attempt_at <= @Now ORDER BY f.next_attempt_at LIMIT @Limit",
            new { Now = UtcText.Format(now), Limit = limit }, cancellationToken);

    /// <summary>Every kept file, for the integrity check.</summary>
    public Task<IReadOnlyList<EvidenceFileRow>> StoredAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM evidence_file f LEFT JOIN evidence e ON e.file_id = f.id WHERE f.state = 'stored' GROUP BY f.id ORDER BY f.id", null, cancellationToken);

    // Each outcome is written only over the attempt it followed (state pending, the same attempt
    // count): a first try and a background retry of the same file never overwrite each other.
    private const string SameAttempt = " WHERE id = @Id AND state = 'pending' AND attempts = @Attempts";

    /// <param name="name">The file's name as kept, when its content gave it an extension it lacked; null keeps the name.</param>
    public Task MarkStoredAsync(long id, int attempts, string sha256, long size, string contentType, DateTimeOffset now, CancellationToken cancellationToken, string? name = null) =>
        UpdateAsync(
            "UPDATE evidence_file SET state = 'stored', sha256 = @Sha256, size_bytes = @Size, content_type = @ContentType, original_name = coalesce(@Name, original_name), stored_at = @Now, attempts = attempts + 1, next_attempt_at = NULL, last_error = NULL" + SameAttempt,
            new { Id = id, Attempts = attempts, Sha256 = sha256, Size = size, ContentType = contentType, Name = name, Now = UtcText.Format(now) }, cancellationToken);

    /// <summary>The file will not be kept whatever is tried again (too large, not what it claims to be).</summary>
    public Task MarkRefusedAsync(long id, int attempts, string reason, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE evidence_file SET state = 'refused', attempts = attempts + 1, next_attempt_at = NULL, last_error = @Reason" + SameAttempt,
            new { Id = id, Attempts = attempts, Reason = reason }, cancellationToken);

    /// <summary>A failed attempt: tried again at <paramref name="nextAttemptAt"/>, or, with none, given up (failed).</summary>
    public Task MarkAttemptFailedAsync(long id, int attempts, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE evidence_file SET state = CASE WHEN @Next IS NULL THEN 'failed' ELSE 'pending' END, attempts = attempts + 1, next_attempt_at = @Next, last_error = @Error" + SameAttempt,
            new { Id = id, Attempts = attempts, Error = error, Next = nextAttemptAt is { } next ? UtcText.Format(next) : null }, cancellationToken);

    private const string LostColumns = """
        f.id AS file_id, f.original_name AS name, t.id AS task_id, t.code AS task_code, t.title AS task_title, t.lead_office_id, f.received_at,
        t.owner_id, e.by_person_id AS sent_by_id
        FROM evidence_file f JOIN evidence e ON e.file_id = f.id JOIN task t ON t.id = e.task_id
        WHERE f.state = 'failed' AND e.withdrawn_at IS NULL
        """;

    /// <summary>Lost files not yet reported to their office, in the reporting transaction.</summary>
    public async Task<IReadOnlyList<LostEvidenceFile>> UnreportedLostAsync(SqliteTransaction transaction) =>
        (await transaction.Connection!.QueryAsync<LostEvidenceFile>($"SELECT {LostColumns} AND f.reported_at IS NULL ORDER BY f.id", transaction: transaction)).AsList();

    public Task MarkReportedAsync(SqliteTransaction transaction, IEnumerable<long> fileIds, DateTimeOffset now) =>
        transaction.Connection!.ExecuteAsync("UPDATE evidence_file SET reported_at = @Now WHERE id IN @Ids", new { Ids = fileIds, Now = UtcText.Format(now) }, transaction);

    /// <summary>Every lost file of evidence still shown, for the weekly report.</summary>
    public async Task<IReadOnlyList<LostEvidenceFile>> LostAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<LostEvidenceFile>($"SELECT {LostColumns} ORDER BY t.code, f.id")).AsList();
    }

    private async Task UpdateAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(sql, parameters, transaction), cancellationToken);

    private async Task<IReadOnlyList<EvidenceFileRow>> QueryAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<EvidenceFileRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }
}
