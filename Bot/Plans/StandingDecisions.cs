using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Plans;

/// <summary>
/// The decisions made in chat that still stand on a task, read inside the import's transaction: the
/// approved extension that set its deadline, the hand-over that set its office and owner. A decision
/// a later change replaced does not stand.
/// </summary>
public sealed class StandingDecisions(SqliteConnection connection, SqliteTransaction transaction)
{
    /// <summary>The latest approved extension of the task, if it set the deadline the task has.</summary>
    public async Task<PlanDecision.Extension?> ExtensionAsync(long taskId, DateOnly dueOn)
    {
        var row = await connection.QueryFirstOrDefaultAsync<(long Id, string? By, string At, string NewDueOn)?>(
            """
            SELECT r.id, p.name, r.decided_at, r.new_due_on
            FROM extension_request r LEFT JOIN person p ON p.id = r.decided_by
            WHERE r.task_id = @TaskId AND r.state = 'approved'
            ORDER BY r.decided_at DESC, r.id DESC LIMIT 1
            """, new { TaskId = taskId }, transaction);
        return row is { } found && found.NewDueOn == dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            ? new PlanDecision.Extension(found.Id, found.By, UtcText.Parse(found.At))
            : null;
    }

    /// <summary>The task's latest hand-over (its audit row), if it set the office and owner the task has.</summary>
    public async Task<PlanDecision.Handover?> HandoverAsync(string code, string office, string? owner)
    {
        var row = await connection.QueryFirstOrDefaultAsync<(string By, string At, string? Office, string? Owner)?>(
            """
            SELECT coalesce(p.name, a.actor_account), a.at, json_extract(a.after_json, '$.office'), json_extract(a.after_json, '$.owner')
            FROM audit a LEFT JOIN person p ON p.id = a.actor_person_id
            WHERE a.entity = 'task' AND a.entity_key = @Code AND a.action = 'task.reassign'
            ORDER BY a.id DESC LIMIT 1
            """, new { Code = code }, transaction);
        return row is { } found && found.Office == office && found.Owner == owner
            ? new PlanDecision.Handover(found.By, UtcText.Parse(found.At))
            : null;
    }
}
