using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using CampaignBot.Ledger.Repositories;

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
        var row = await PlanImportRepository.LatestApprovedExtensionAsync(connection, transaction, taskId);
        return row is { } found && found.NewDueOn == dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            ? new PlanDecision.Extension(found.Id, found.By, UtcText.Parse(found.At))
            : null;
    }

    /// <summary>The task's latest hand-over (its audit row), if it set the office and owner the task has.</summary>
    public async Task<PlanDecision.Handover?> HandoverAsync(string code, string office, string? owner)
    {
        var row = await PlanImportRepository.LatestHandoverAsync(connection, transaction, code);
        return row is { } found && found.Office == office && found.Owner == owner
            ? new PlanDecision.Handover(found.By, UtcText.Parse(found.At))
            : null;
    }
}
