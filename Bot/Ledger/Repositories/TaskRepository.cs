using CampaignBot.Data;
using CampaignBot.Ledger;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// Reads of the task ledger, and its state changes (done, reopen, hand-over) as guarded updates. A
/// change, and a read it depends on, runs inside the caller's write (it takes its transaction, whose
/// connection is the write's); the other reads open their own.
/// </summary>
public sealed class TaskRepository(LedgerDatabase database)
{
    /// <remarks>One row per task with the names a reply shows; co-offices are folded into lists.</remarks>
    private const string Columns = """
        SELECT t.id, t.code, t.title, t.evaluation_item, t.evidence_required,
               t.lead_office_id, lo.name AS lead_office_name,
               COALESCE((SELECT group_concat(c.office_id, ',') FROM task_co_office c WHERE c.task_id = t.id), '') AS co_office_ids,
               COALESCE((SELECT group_concat(o.name, '、') FROM task_co_office c JOIN office o ON o.id = c.office_id WHERE c.task_id = t.id), '') AS co_office_names,
               t.owner_id, p.name AS owner_name, t.starts_on, t.due_on, t.status, t.done_at, d.name AS done_by_name,
               (SELECT count(*) FROM evidence e WHERE e.task_id = t.id AND e.withdrawn_at IS NULL) AS evidence_count
        """;

    private const string Joins = """

        JOIN office lo ON lo.id = t.lead_office_id
        LEFT JOIN person p ON p.id = t.owner_id
        LEFT JOIN person d ON d.id = t.done_by
        """;

    private const string SelectTasks = Columns + " FROM task t" + Joins;

    /// <remarks>
    /// An office's tasks are those it leads and those it helps with (配合单位). The query starts from
    /// them (CROSS JOIN fixes SQLite's join order), so it costs what the office holds, not what the
    /// ledger holds. Left to choose, SQLite started from the deadline index and checked the week's
    /// tasks of every office (and an earlier "OR @OfficeId IS NULL" form scanned: 20 ms at 100,000 tasks).
    /// </remarks>
    private static string SelectInScope(TaskScope scope) => scope.IsEverything
        ? SelectTasks
        : Columns + """
             FROM (SELECT id FROM task WHERE lead_office_id = @OfficeId UNION SELECT task_id FROM task_co_office WHERE office_id = @OfficeId) AS mine
             CROSS JOIN task t ON t.id = mine.id
            """ + Joins;

    private const string Order = " ORDER BY t.due_on, t.code";

    public async Task<LedgerTask?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindByCodeAsync(connection, null, code);
    }

    /// <summary>Every task code the ledger holds, for the reader to recognise them as written.</summary>
    public async Task<IReadOnlyList<string>> CodesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition("SELECT code FROM task", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The task as the caller's write sees it.</summary>
    public Task<LedgerTask?> FindByCodeAsync(SqliteTransaction transaction, string code) => FindByCodeAsync(transaction.Connection!, transaction, code);

    private static Task<LedgerTask?> FindByCodeAsync(SqliteConnection connection, SqliteTransaction? transaction, string code) =>
        connection.QuerySingleOrDefaultAsync<LedgerTask>(SelectTasks + " WHERE t.code = @Code", new { Code = code }, transaction);

    public async Task<LedgerTask?> ByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ByIdAsync(connection, null, id);
    }

    /// <summary>The task as the caller's write sees it.</summary>
    public Task<LedgerTask?> ByIdAsync(SqliteTransaction transaction, long id) => ByIdAsync(transaction.Connection!, transaction, id);

    private static Task<LedgerTask?> ByIdAsync(SqliteConnection connection, SqliteTransaction? transaction, long id) =>
        connection.QuerySingleOrDefaultAsync<LedgerTask>(SelectTasks + " WHERE t.id = @Id", new { Id = id }, transaction);

    public Task<IReadOnlyList<LedgerTask>> OpenDueBetweenAsync(DateOnly from, DateOnly to, TaskScope scope, CancellationToken cancellationToken = default) =>
        QueryAsync($"{SelectInScope(scope)} WHERE t.status = 'open' AND t.due_on BETWEEN @From AND @To{Order}",
            new { From = from, To = to, scope.OfficeId }, cancellationToken);

    public Task<IReadOnlyList<LedgerTask>> OverdueAsync(DateOnly today, TaskScope scope, CancellationToken cancellationToken = default) =>
        QueryAsync($"{SelectInScope(scope)} WHERE t.status = 'open' AND t.due_on < @Today{Order}",
            new { Today = today, scope.OfficeId }, cancellationToken);

    public Task<IReadOnlyList<LedgerTask>> OpenInScopeAsync(TaskScope scope, CancellationToken cancellationToken = default) =>
        QueryAsync($"{SelectInScope(scope)} WHERE t.status = 'open'{Order}", new { scope.OfficeId }, cancellationToken);

    public Task<IReadOnlyList<LedgerTask>> OpenOwnedByAsync(long personId, CancellationToken cancellationToken = default) =>
        QueryAsync($"{SelectTasks} WHERE t.status = 'open' AND t.owner_id = @PersonId{Order}", new { PersonId = personId }, cancellationToken);

    /// <summary>
    /// The tasks of a reminder message: read once per message sent, so the ids go in as one JSON
    /// array (not an IN list Dapper would expand into new SQL per count) and the statement stays prepared.
    /// </summary>
    public async Task<IReadOnlyList<LedgerTask>> ByIdsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        await database.Reads.QueryAsync<LedgerTask>($"{SelectTasks} WHERE t.id IN (SELECT value FROM json_each(@Ids)){Order}",
            new { Ids = System.Text.Json.JsonSerializer.Serialize(ids.Distinct()) }, cancellationToken);

    public Task<IReadOnlyList<LedgerTask>> AllAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"{SelectTasks} ORDER BY t.code", null, cancellationToken);

    public async Task<IReadOnlyList<OfficeProgress>> ProgressByLeadOfficeAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT o.id AS office_id, o.name AS office_name, count(*) AS total,
                   sum(t.status = 'done') AS done,
                   sum(t.status = 'open' AND t.due_on < @Today) AS overdue
            FROM task t JOIN office o ON o.id = t.lead_office_id
            GROUP BY o.id, o.name
            ORDER BY o.id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<OfficeProgress>(sql, new { Today = today })).AsList();
    }

    /// <summary>Each recurring duty with its occurrences due by <paramref name="today"/> and how many of those are done.</summary>
    public async Task<IReadOnlyList<SeriesProgress>> ProgressBySeriesAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT s.code, s.title, s.rule, count(t.id) AS total,
                   coalesce(sum(t.due_on <= @Today), 0) AS due_so_far,
                   coalesce(sum(t.due_on <= @Today AND t.status = 'done'), 0) AS done
            FROM task_series s LEFT JOIN task t ON t.series_code = s.code
            GROUP BY s.code, s.title, s.rule
            ORDER BY s.code
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SeriesProgress>(sql, new { Today = today })).AsList();
    }

    /// <summary>Marks an open task done; false when it was not open (someone was quicker).</summary>
    public async Task<bool> MarkDoneAsync(SqliteTransaction transaction, long taskId, long personId, DateTimeOffset at)
    {
        var connection = transaction.Connection!;
        const string sql = """
            UPDATE task SET status = 'done', done_at = @At, done_by = @PersonId, updated_at = @At
            WHERE id = @TaskId AND status = 'open'
            """;
        return await connection.ExecuteAsync(sql, new { TaskId = taskId, PersonId = personId, At = UtcText.Format(at) }, transaction) == 1;
    }

    /// <summary>Gives the task a new lead office (and owner, or none); a co-office that now leads is no longer a co-office.</summary>
    public async Task ChangeLeadAsync(SqliteTransaction transaction, long taskId, long leadOfficeId, long? ownerId, DateTimeOffset at)
    {
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(
            "UPDATE task SET lead_office_id = @Office, owner_id = @Owner, updated_at = @At WHERE id = @Id",
            new { Id = taskId, Office = leadOfficeId, Owner = ownerId, At = UtcText.Format(at) }, transaction);
        await connection.ExecuteAsync("DELETE FROM task_co_office WHERE task_id = @Id AND office_id = @Office", new { Id = taskId, Office = leadOfficeId }, transaction);
    }

    /// <summary>Puts back co-offices (comma-separated ids) a hand-over took (the new lead stops being its own co-office).</summary>
    public async Task RestoreCoOfficesAsync(SqliteTransaction transaction, long taskId, string coOfficeIds)
    {
        var connection = transaction.Connection!;
        foreach (var id in coOfficeIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await connection.ExecuteAsync("INSERT OR IGNORE INTO task_co_office (task_id, office_id) VALUES (@Id, @Office)",
                new { Id = taskId, Office = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) }, transaction);
        }
    }

    /// <summary>Who marked the task done, by id (null while it is open).</summary>
    public Task<long?> DoneByAsync(SqliteTransaction transaction, long taskId) =>
        transaction.Connection!.ExecuteScalarAsync<long?>("SELECT done_by FROM task WHERE id = @Id", new { Id = taskId }, transaction);

    /// <summary>Back to done as it was (the undoing of a reopen): the same time and person.</summary>
    public async Task<bool> RestoreDoneAsync(SqliteTransaction transaction, long taskId, DateTimeOffset doneAt, long? doneBy, DateTimeOffset at) =>
        await transaction.Connection!.ExecuteAsync(
            "UPDATE task SET status = 'done', done_at = @DoneAt, done_by = @DoneBy, updated_at = @At WHERE id = @TaskId AND status = 'open'",
            new { TaskId = taskId, DoneAt = UtcText.Format(doneAt), DoneBy = doneBy, At = UtcText.Format(at) }, transaction) == 1;

    /// <summary>Reopens a done task; false when it was not done.</summary>
    public async Task<bool> ReopenAsync(SqliteTransaction transaction, long taskId, DateTimeOffset at)
    {
        var connection = transaction.Connection!;
        const string sql = """
            UPDATE task SET status = 'open', done_at = NULL, done_by = NULL, updated_at = @At
            WHERE id = @TaskId AND status = 'done'
            """;
        return await connection.ExecuteAsync(sql, new { TaskId = taskId, At = UtcText.Format(at) }, transaction) == 1;
    }

    private async Task<IReadOnlyList<LedgerTask>> QueryAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        await database.Reads.QueryAsync<LedgerTask>(sql, parameters, cancellationToken);
}
