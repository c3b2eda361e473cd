using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Ledger;
using Dapper;
using Microsoft.Data.Sqlite;
using CampaignBot.Ledger.Repositories;

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

    public static async Task<Result> WriteAsync(
        SqliteConnection connection, SqliteTransaction transaction, Plan plan, long campaignId,
        IReadOnlyDictionary<string, long> officeIds, IReadOnlyDictionary<string, long> personIds, DateTimeOffset at, bool fileWins)
    {
        var ledger = (await PlanImportRepository.TasksAsync(connection, transaction)).ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
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
                taskId = await PlanImportRepository.WriteTaskAsync(connection, transaction, new PlanImportRepository.TaskValues(
                    campaignId, task.Code, task.Title, task.EvaluationItem, task.EvidenceRequired, lead, owner, task.StartsOn, due, task.SeriesCode, task.EventOn),
                    coOffices, at);
                (added, updated) = row is null ? (added + 1, updated) : (added, updated + 1);
            }
            else
            {
                taskId = row.Id;
            }

            // What the file says, not what was written: a value the ledger kept still differs from it next time.
            await PlanImportRepository.RememberPlanAsync(
                connection, transaction, taskId, task.DueOn, officeIds[task.LeadOffice], task.Owner is null ? (long?)null : personIds[task.Owner], at);
        }

        var removed = await PruneEventsAsync(connection, transaction, plan, ledger.Values, decisions, officeNames, personNames, fileWins, kept, overridden);
        return new Result(added, updated, plan.Tasks.Count - added - updated, kept, overridden, removed);
    }

    /// <summary>
    /// A deadline a decision set: the ledger's differs from what the plan said when last imported; for a
    /// task with no such record, an approved extension set it. The extension, if any, names the decision.
    /// </summary>
    private static async Task<(bool Held, PlanDecision? Decision)> DeadlineHeldAsync(PlanImportRepository.TaskRow row, StandingDecisions decisions)
    {
        var extension = await decisions.ExtensionAsync(row.Id, row.DueOn);
        return (row.HasPlan ? row.DueOn != row.PlanDueOn : extension is not null, extension);
    }

    /// <summary>A lead office and owner a decision set, as for the deadline; the hand-over, if any, names it.</summary>
    private static async Task<(bool Held, PlanDecision? Decision)> LeadHeldAsync(PlanImportRepository.TaskRow row, StandingDecisions decisions, string office, string? owner)
    {
        var handover = await decisions.HandoverAsync(row.Code, office, owner);
        return (row.HasPlan ? (row.LeadOfficeId, row.OwnerId) != (row.PlanLeadOfficeId, row.PlanOwnerId) : handover is not null, handover);
    }

    private static string? NameOf(long? personId, IReadOnlyDictionary<long, string> names) => personId is { } id ? names.GetValueOrDefault(id) : null;

    private static bool Changes(PlanImportRepository.TaskRow row, PlanTask task, long lead, long? owner, DateOnly due, IReadOnlyList<long> coOffices) =>
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
        SqliteConnection connection, SqliteTransaction transaction, Plan plan, IEnumerable<PlanImportRepository.TaskRow> ledger, StandingDecisions decisions,
        IReadOnlyDictionary<long, string> officeNames, IReadOnlyDictionary<long, string> personNames, bool fileWins,
        List<PlanDifference> kept, List<PlanDifference> overridden)
    {
        var inFile = plan.Tasks.Select(t => t.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var duties = plan.Series.Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var gone = new List<PlanImportRepository.TaskRow>();
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

        await PlanImportRepository.DeleteTasksAsync(connection, transaction, gone.Select(r => r.Id));
        return removed;
    }
}
