using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Plans;

/// <summary>
/// Writes a validated plan inside the caller's transaction. Tasks are matched by code: a known
/// code is updated in place and keeps its status, completion and evidence.
/// </summary>
public static class PlanWriter
{
    public static async Task<PlanWriteSummary> WriteAsync(
        SqliteConnection connection, SqliteTransaction transaction, Plan plan, string campaignName, DateTimeOffset at)
    {
        var knownPeople = (await DirectoryRepository.PeopleAsync(connection, transaction)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var (officesAdded, officesCreated) = await WriteOfficesAsync(connection, transaction, plan);
        var officeIds = (await DirectoryRepository.OfficesAsync(connection, transaction)).ToDictionary(o => o.Name, o => o.Id);

        foreach (var person in plan.People)
        {
            var personId = await DirectoryRepository.UpsertPersonAsync(connection, transaction, person.Name, officeIds[person.Office], person.Role);
            await connection.ExecuteAsync(
                """
                UPDATE person SET mobile = coalesce(@Mobile, mobile), dingtalk_user_id = coalesce(@DingTalkUserId, dingtalk_user_id),
                                  wecom_user_id = coalesce(@WeComUserId, wecom_user_id)
                WHERE id = @Id
                """, new { Id = personId, person.Mobile, person.DingTalkUserId, person.WeComUserId }, transaction);
            foreach (var account in person.Accounts)
            {
                await DirectoryRepository.LinkAccountAsync(connection, transaction, account, personId, null, at);
            }
        }

        var personIds = (await DirectoryRepository.PeopleAsync(connection, transaction)).ToDictionary(p => p.Name, p => p.Id);
        var campaignId = await EnsureCampaignAsync(connection, transaction, plan, campaignName, at);
        var existing = (await connection.QueryAsync<string>("SELECT code FROM task", transaction: transaction)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        await connection.ExecuteAsync(
            """
            INSERT INTO task_series (code, title, rule, lead_days, updated_at) VALUES (@Code, @Title, @Rule, @LeadDays, @At)
            ON CONFLICT (code) DO UPDATE SET title = excluded.title, rule = excluded.rule, lead_days = excluded.lead_days, updated_at = excluded.updated_at
            """,
            plan.Series.Select(s => new { s.Code, s.Title, s.Rule, s.LeadDays, At = UtcText.Format(at) }), transaction);
        foreach (var task in plan.Tasks)
        {
            var taskId = await connection.ExecuteScalarAsync<long>(UpsertTask, new
            {
                CampaignId = campaignId,
                task.Code,
                task.Title,
                task.EvaluationItem,
                task.EvidenceRequired,
                LeadOfficeId = officeIds[task.LeadOffice],
                OwnerId = task.Owner is null ? (long?)null : personIds[task.Owner],
                task.StartsOn,
                task.DueOn,
                task.SeriesCode,
                task.EventOn,
                At = UtcText.Format(at),
            }, transaction);
            await connection.ExecuteAsync("DELETE FROM task_co_office WHERE task_id = @TaskId", new { TaskId = taskId }, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO task_co_office (task_id, office_id) VALUES (@TaskId, @OfficeId)",
                task.CoOffices.Select(o => new { TaskId = taskId, OfficeId = officeIds[o] }),
                transaction);
        }

        // A series whose rule or window changed no longer has some occurrences: those not yet done
        // and without evidence go (their pending reminders with them); done or evidenced ones stay.
        foreach (var series in plan.Series)
        {
            await connection.ExecuteAsync(
                """
                DELETE FROM task WHERE series_code = @Code AND status = 'open' AND code NOT IN @Codes
                  AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = task.id)
                """,
                new { series.Code, Codes = plan.Tasks.Where(t => t.SeriesCode == series.Code).Select(t => t.Code).ToArray() }, transaction);
        }

        var added = plan.Tasks.Count(t => !existing.Contains(t.Code));
        return new PlanWriteSummary(officesAdded, plan.People.Count, added, plan.Tasks.Count - added)
        {
            OfficesCreated = officesCreated,
            PeopleCreated = plan.People.Select(p => p.Name).Where(n => !knownPeople.Contains(n)).ToList(),
        };
    }

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

    private static async Task<(int Count, IReadOnlyList<string> Names)> WriteOfficesAsync(SqliteConnection connection, SqliteTransaction transaction, Plan plan)
    {
        var known = (await DirectoryRepository.OfficesAsync(connection, transaction)).Select(o => o.Name).ToHashSet();
        var added = new List<string>();
        DirectoryRepository.NoteChange();
        foreach (var office in plan.Offices)
        {
            if (known.Contains(office.Name))
            {
                await connection.ExecuteAsync(
                    "UPDATE office SET aliases = @Aliases, kind = @Kind WHERE name = @Name", office, transaction);
            }
            else
            {
                await DirectoryRepository.InsertOfficeAsync(connection, transaction, office.Name, office.Aliases, office.Kind);
                added.Add(office.Name);
            }
        }

        return (added.Count, added);
    }

    private static async Task<long> EnsureCampaignAsync(SqliteConnection connection, SqliteTransaction transaction, Plan plan, string name, DateTimeOffset at)
    {
        // Validation guarantees at least one task, so the plan has dates to cover.
        var startsOn = plan.Tasks.Select(t => t.StartsOn ?? t.DueOn).Min();
        var endsOn = plan.Tasks.Max(t => t.DueOn);
        if (await CampaignRepository.CurrentAsync(connection, transaction) is { } campaign)
        {
            await CampaignRepository.CoverAsync(connection, transaction, campaign.Id, startsOn, endsOn);
            return campaign.Id;
        }

        return await CampaignRepository.InsertAsync(connection, transaction, name, startsOn, endsOn, at);
    }

    /// <summary>The audit row of an import: what file, and what it changed.</summary>
    public static AuditEntry AuditOf(string source, PlanWriteSummary summary, string actor, DateTimeOffset at) => new()
    {
        At = at,
        ActorAccount = actor,
        Action = "plan.import",
        Entity = "plan",
        EntityKey = source,
        AfterJson = JsonSerializer.Serialize(summary, AuditJson.Options),
    };
}
