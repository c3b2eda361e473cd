using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Ledger;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Plans;

/// <summary>
/// Writes the plan's tasks inside the import's transaction, matched by code. A value the plan sets
/// (deadline; lead office and owner) is applied unless a decision made in chat changed it since the
/// plan last said it (task_plan keeps what the plan said): then the ledger keeps the decision's value
/// and the difference is listed, or with <c>fileWins</c> the file's value replaces it and is listed as
/// overridden. Completion and evidence are never the plan's to change. A task whose written values do
/// not change is left alone (and counted unchanged).
/// </summary>
public static class PlanTaskWriter
{
    public sealed record Result(
        int Added, int Updated, int Unchanged, IReadOnlyList<PlanDifference> Kept, IReadOnlyList<PlanDifference> Overridden, IReadOnlyList<string> EventsRemoved);

    /// <summary>A task as the ledger holds it, with what the plan said of it when last imported (none for a task from before that was kept).</summary>
    private sealed record LedgerRow
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

    private const string SelectLedger = """
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

    public static async Task<Result> WriteAsync(
        SqliteConnection connection, SqliteTransaction transaction, Plan plan, long campaignId,
        IReadOnlyDictionary<string, long> officeIds, IReadOnlyDictionary<string, long> personIds, DateTimeOffset at, bool fileWins)
    {
        var ledger = (await connection.QueryAsync<LedgerRow>(SelectLedger, transaction: transaction)).ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        var officeNames = officeIds.ToDictionary(p => p.Value, p => p.Key);
        var personNames = personIds.ToDictionary(p => p.Value, p => p.Key);
        var decisions = new StandingDecisions(connection, transaction);
        var (kept, overridden) = (new List<PlanDifference>(), new List<PlanDifference>());
        var (added, updated) = (0, 0);
        foreach (var task in plan.Tasks)
        {
            var lead = officeIds[task.LeadOffice];
            var owner = task.Owner is null ? (long?)null : personIds[task.Owner];
            var due = task.DueOn;
            ledger.TryGetValue(task.Code, out var row);
            if (row is not null && due != row.DueOn && await DeadlineHeldAsync(row, decisions) is (true, var extension))
            {
                (fileWins ? overridden : kept).Add(new PlanDifference.Deadline(row.Code, due, row.DueOn, extension));
                due = fileWins ? due : row.DueOn;
            }

            if (row is not null && (lead, owner) != (row.LeadOfficeId, row.OwnerId)
                && await LeadHeldAsync(row, decisions, officeNames[row.LeadOfficeId], NameOf(row.OwnerId, personNames)) is (true, var handover))
            {
                (fileWins ? overridden : kept).Add(new PlanDifference.Lead(
                    row.Code, task.LeadOffice, task.Owner, officeNames[row.LeadOfficeId], NameOf(row.OwnerId, personNames), handover));
                (lead, owner) = fileWins ? (lead, owner) : (row.LeadOfficeId, row.OwnerId);
            }

            // A co-office that leads (the file's, or the office a hand-over gave the task) is no co-office.
            var coOffices = task.CoOffices.Select(o => officeIds[o]).Where(id => id != lead).Distinct().Order().ToList();
            long taskId;
            if (row is null || Changes(row, task, lead, owner, due, coOffices))
            {
                taskId = await connection.ExecuteScalarAsync<long>(UpsertTask, new
                {
                    CampaignId = campaignId, task.Code, task.Title, task.EvaluationItem, task.EvidenceRequired, LeadOfficeId = lead, OwnerId = owner,
                    task.StartsOn, DueOn = due, task.SeriesCode, task.EventOn, At = UtcText.Format(at),
                }, transaction);
                await connection.ExecuteAsync("DELETE FROM task_co_office WHERE task_id = @TaskId", new { TaskId = taskId }, transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO task_co_office (task_id, office_id) VALUES (@TaskId, @OfficeId)", coOffices.Select(o => new { TaskId = taskId, OfficeId = o }), transaction);
                (added, updated) = row is null ? (added + 1, updated) : (added, updated + 1);
            }
            else
            {
                taskId = row.Id;
            }

            // What the file says, not what was written: a value the ledger kept still differs from it next time.
            await connection.ExecuteAsync(RememberPlan, new
            {
                TaskId = taskId, task.DueOn, LeadOfficeId = officeIds[task.LeadOffice], OwnerId = task.Owner is null ? (long?)null : personIds[task.Owner],
                At = UtcText.Format(at),
            }, transaction);
        }

        var removed = await PruneEventsAsync(connection, transaction, plan, ledger.Values, decisions, officeNames, personNames, fileWins, kept, overridden);
        return new Result(added, updated, plan.Tasks.Count - added - updated, kept, overridden, removed);
    }

    /// <summary>
    /// A deadline a decision set: the ledger's differs from what the plan said when last imported; for a
    /// task with no such record, an approved extension set it. The extension, if any, names the decision.
    /// </summary>
    private static async Task<(bool Held, PlanDecision? Decision)> DeadlineHeldAsync(LedgerRow row, StandingDecisions decisions)
    {
        var extension = await decisions.ExtensionAsync(row.Id, row.DueOn);
        return (row.HasPlan ? row.DueOn != row.PlanDueOn : extension is not null, extension);
    }

    /// <summary>A lead office and owner a decision set, as for the deadline; the hand-over, if any, names it.</summary>
    private static async Task<(bool Held, PlanDecision? Decision)> LeadHeldAsync(LedgerRow row, StandingDecisions decisions, string office, string? owner)
    {
        var handover = await decisions.HandoverAsync(row.Code, office, owner);
        return (row.HasPlan ? (row.LeadOfficeId, row.OwnerId) != (row.PlanLeadOfficeId, row.PlanOwnerId) : handover is not null, handover);
    }

    private static string? NameOf(long? personId, IReadOnlyDictionary<long, string> names) => personId is { } id ? names.GetValueOrDefault(id) : null;

    private static bool Changes(LedgerRow row, PlanTask task, long lead, long? owner, DateOnly due, IReadOnlyList<long> coOffices) =>
        (row.Title, row.EvaluationItem, row.EvidenceRequired, row.LeadOfficeId, row.OwnerId, row.StartsOn, row.DueOn, row.EventOn)
        != (task.Title, task.EvaluationItem, task.EvidenceRequired, lead, owner, task.StartsOn, due, task.EventOn)
        || !string.Equals(row.SeriesCode, task.SeriesCode, StringComparison.OrdinalIgnoreCase)
        || !row.CoOfficeIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).Order().SequenceEqual(coOffices);

    /// <summary>
    /// Events of the plan's duties that its 周期 or dates no longer have (a shorter window, another rule).
    /// An open one with no evidence and no standing decision goes, with its pending reminders. One that
    /// is done or evidenced stays, and is listed; one held by a decision stays and is listed, or goes with
    /// <c>fileWins</c>, listed as overridden.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PruneEventsAsync(
        SqliteConnection connection, SqliteTransaction transaction, Plan plan, IEnumerable<LedgerRow> ledger, StandingDecisions decisions,
        IReadOnlyDictionary<long, string> officeNames, IReadOnlyDictionary<long, string> personNames, bool fileWins,
        List<PlanDifference> kept, List<PlanDifference> overridden)
    {
        var inFile = plan.Tasks.Select(t => t.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var duties = plan.Series.Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var gone = new List<LedgerRow>();
        var removed = new List<string>();
        foreach (var row in ledger.Where(r => r.SeriesCode is { } s && duties.Contains(s) && !inFile.Contains(r.Code)).OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var held = new List<PlanDecision>();
            if (row is { Status: TaskStatuses.Done, DoneAt: { } doneAt })
            {
                held.Add(new PlanDecision.Completion(row.DoneByName, doneAt));
            }

            held.AddRange(new PlanDecision?[]
            {
                await decisions.ExtensionAsync(row.Id, row.DueOn),
                await decisions.HandoverAsync(row.Code, officeNames[row.LeadOfficeId], NameOf(row.OwnerId, personNames)),
            }.OfType<PlanDecision>());
            var difference = new PlanDifference.EventNotInFile(row.Code, held, row.EvidenceCount);
            if (held.Count == 0 && row.EvidenceCount == 0)
            {
                gone.Add(row);
                removed.Add(row.Code);
            }
            else if (fileWins && !difference.IsWorkDone)
            {
                gone.Add(row);
                overridden.Add(difference);
            }
            else
            {
                kept.Add(difference);
            }
        }

        await connection.ExecuteAsync(
            "DELETE FROM task WHERE id IN (SELECT value FROM json_each(@Ids))", new { Ids = JsonSerializer.Serialize(gone.Select(r => r.Id)) }, transaction);
        return removed;
    }
}
