using System.Text.Json;
using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// The ledger's reads and writes for a plan import (Plans/PlanWriter and its writers decide what to
/// write; this says it in SQL), each in the import's transaction: the tasks as the ledger holds them
/// with what the plan last said of them (task_plan), their upsert, co-offices and removal, the
/// duties, an office's aliases and kind, a person's contact ids, the accounts' owners, and the
/// decisions made in chat that may still stand on a task.
/// </summary>
public static class PlanImportRepository
{
    /// <summary>A task as the ledger holds it, with what the plan said of it when last imported (none for a task from before that was kept).</summary>
    public sealed record TaskRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string EvaluationItem { get; init; } = "";
        public string EvidenceRequired { get; init; } = "";
        public long LeadOfficeId { get; init; }
        public long? OwnerId { get; init; }
        public DateOnly? StartsOn { get; init; }
        public DateOnly DueOn { get; init; }
        public string? SeriesCode { get; init; }
        public DateOnly? EventOn { get; init; }
        public string CoOfficeIds { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset? DoneAt { get; init; }
        public string? DoneByName { get; init; }
        public int EvidenceCount { get; init; }
        public bool HasPlan { get; init; }
        public DateOnly? PlanDueOn { get; init; }
        public long? PlanLeadOfficeId { get; init; }
        public long? PlanOwnerId { get; init; }
    }

    /// <summary>A task's values as the plan writes them.</summary>
    public sealed record TaskValues(
        long CampaignId, string Code, string Title, string EvaluationItem, string EvidenceRequired, long LeadOfficeId, long? OwnerId,
        DateOnly? StartsOn, DateOnly DueOn, string? SeriesCode, DateOnly? EventOn);

    /// <summary>A duty (周期) as the plan writes it.</summary>
    public sealed record SeriesValues(string Code, string Title, string Rule, int LeadDays);

    private const string SelectTasks = """
        SELECT t.id, t.code, t.title, t.evaluation_item, t.evidence_required, t.lead_office_id, t.owner_id, t.starts_on, t.due_on,
               t.series_code, t.event_on, t.status, t.done_at, d.name AS done_by_name,
               coalesce((SELECT group_concat(c.office_id, ',') FROM task_co_office c WHERE c.task_id = t.id), '') AS co_office_ids,
               (SELECT count(*) FROM evidence e WHERE e.task_id = t.id AND e.withdrawn_at IS NULL) AS evidence_count,
               b.task_id IS NOT NULL AS has_plan, b.due_on AS plan_due_on, b.lead_office_id AS plan_lead_office_id, b.owner_id AS plan_owner_id
        FROM task t LEFT JOIN task_plan b ON b.task_id = t.id LEFT JOIN person d ON d.id = t.done_by
        """;

    private const string UpsertTask = """
        INSERT INTO task (campaign_id, code, title, evaluation_item, evidence_required, lead_office_id, owner_id, starts_on, due_on, series_code, event_on, updated_at)
        VALUES (@CampaignId, @Code, @Title, @EvaluationItem, @EvidenceRequired, @LeadOfficeId, @OwnerId, @StartsOn, @DueOn, @SeriesCode, @EventOn, @At)
        ON CONFLICT (code) DO UPDATE SET
            title = excluded.title,
            evaluation_item = excluded.evaluation_item,
            evidence_required = excluded.evidence_required,
            lead_office_id = excluded.lead_office_id,
            owner_id = excluded.owner_id,
            starts_on = excluded.starts_on,
            due_on = excluded.due_on,
            series_code = excluded.series_code,
            event_on = excluded.event_on,
            updated_at = excluded.updated_at
        RETURNING id
        """;

    private const string RememberPlan = """
        INSERT INTO task_plan (task_id, due_on, lead_office_id, owner_id, imported_at) VALUES (@TaskId, @DueOn, @LeadOfficeId, @OwnerId, @At)
        ON CONFLICT (task_id) DO UPDATE SET
            due_on = excluded.due_on, lead_office_id = excluded.lead_office_id, owner_id = excluded.owner_id, imported_at = excluded.imported_at
        """;

    public static async Task<IReadOnlyList<TaskRow>> TasksAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        (await connection.QueryAsync<TaskRow>(SelectTasks, transaction: transaction)).AsList();

    /// <summary>Writes the task (by code) and its co-offices; returns its id.</summary>
    public static async Task<long> WriteTaskAsync(SqliteConnection connection, SqliteTransaction transaction, TaskValues task, IReadOnlyList<long> coOffices, DateTimeOffset at)
    {
        var taskId = await connection.ExecuteScalarAsync<long>(UpsertTask, new
        {
            task.CampaignId, task.Code, task.Title, task.EvaluationItem, task.EvidenceRequired, task.LeadOfficeId, task.OwnerId,
            task.StartsOn, task.DueOn, task.SeriesCode, task.EventOn, At = UtcText.Format(at),
        }, transaction);
        await connection.ExecuteAsync("DELETE FROM task_co_office WHERE task_id = @TaskId", new { TaskId = taskId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO task_co_office (task_id, office_id) VALUES (@TaskId, @OfficeId)", coOffices.Select(o => new { TaskId = taskId, OfficeId = o }), transaction);
        return taskId;
    }

    /// <summary>What the file said of the task (not what was written), so a value the ledger kept still differs from it next time.</summary>
    public static Task RememberPlanAsync(SqliteConnection connection, SqliteTransaction transaction, long taskId, DateOnly dueOn, long leadOfficeId, long? ownerId, DateTimeOffset at) =>
        connection.ExecuteAsync(RememberPlan, new { TaskId = taskId, DueOn = dueOn, LeadOfficeId = leadOfficeId, OwnerId = ownerId, At = UtcText.Format(at) }, transaction);

    public static Task DeleteTasksAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<long> taskIds) =>
        connection.ExecuteAsync("DELETE FROM task WHERE id IN (SELECT value FROM json_each(@Ids))", new { Ids = JsonSerializer.Serialize(taskIds) }, transaction);

    public static Task WriteSeriesAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<SeriesValues> series, DateTimeOffset at) =>
        connection.ExecuteAsync(
            """
            INSERT INTO task_series (code, title, rule, lead_days, updated_at) VALUES (@Code, @Title, @Rule, @LeadDays, @At)
            ON CONFLICT (code) DO UPDATE SET title = excluded.title, rule = excluded.rule, lead_days = excluded.lead_days, updated_at = excluded.updated_at
            """,
            series.Select(s => new { s.Code, s.Title, s.Rule, s.LeadDays, At = UtcText.Format(at) }), transaction);

    public static Task UpdateOfficeAsync(SqliteConnection connection, SqliteTransaction transaction, string name, string aliases, string kind) =>
        connection.ExecuteAsync("UPDATE office SET aliases = @Aliases, kind = @Kind WHERE name = @Name", new { Name = name, Aliases = aliases, Kind = kind }, transaction);

    /// <summary>A person's phone and DingTalk / WeCom ids; an empty value keeps the ledger's.</summary>
    public static Task UpdateContactAsync(SqliteConnection connection, SqliteTransaction transaction, long personId, string? mobile, string? dingTalkUserId, string? weComUserId) =>
        connection.ExecuteAsync(
            """
            UPDATE person SET mobile = coalesce(@Mobile, mobile), dingtalk_user_id = coalesce(@DingTalkUserId, dingtalk_user_id),
                              wecom_user_id = coalesce(@WeComUserId, wecom_user_id)
            WHERE id = @Id
            """, new { Id = personId, Mobile = mobile, DingTalkUserId = dingTalkUserId, WeComUserId = weComUserId }, transaction);

    /// <summary>Who each linked account belongs to.</summary>
    public static async Task<Dictionary<string, long>> AccountOwnersAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        (await connection.QueryAsync<(string AccountId, long PersonId)>("SELECT account_id, person_id FROM channel_account", transaction: transaction))
        .ToDictionary(a => a.AccountId, a => a.PersonId, StringComparer.Ordinal);

    /// <summary>The task's latest approved extension: its id, who decided it (null: removed since), when, and the deadline it set.</summary>
    public static Task<(long Id, string? By, string At, string NewDueOn)?> LatestApprovedExtensionAsync(SqliteConnection connection, SqliteTransaction transaction, long taskId) =>
        connection.QueryFirstOrDefaultAsync<(long Id, string? By, string At, string NewDueOn)?>(
            """
            SELECT r.id, p.name, r.decided_at, r.new_due_on
            FROM extension_request r LEFT JOIN person p ON p.id = r.decided_by
            WHERE r.task_id = @TaskId AND r.state = 'approved'
            ORDER BY r.decided_at DESC, r.id DESC LIMIT 1
            """, new { TaskId = taskId }, transaction);

    /// <summary>The task's latest hand-over (its audit row): by whom, when, and the office and owner it set.</summary>
    public static Task<(string By, string At, string? Office, string? Owner)?> LatestHandoverAsync(SqliteConnection connection, SqliteTransaction transaction, string code) =>
        connection.QueryFirstOrDefaultAsync<(string By, string At, string? Office, string? Owner)?>(
            """
            SELECT coalesce(p.name, a.actor_account), a.at, json_extract(a.after_json, '$.office'), json_extract(a.after_json, '$.owner')
            FROM audit a LEFT JOIN person p ON p.id = a.actor_person_id
            WHERE a.entity = 'task' AND a.entity_key = @Code AND a.action = 'task.reassign'
            ORDER BY a.id DESC LIMIT 1
            """, new { Code = code }, transaction);
}
