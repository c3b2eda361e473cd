using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Plans;

/// <summary>
/// Writes a validated plan inside the caller's transaction: offices, people (<see cref="PlanPeopleWriter"/>),
/// the campaign's dates, duties and tasks (<see cref="PlanTaskWriter"/>, which keeps what decisions made
/// in chat set unless <c>fileWins</c>), and says what it did.
/// </summary>
public static class PlanWriter
{
    public static async Task<PlanWriteSummary> WriteAsync(
        DirectoryRepository directory, CampaignRepository campaigns, SqliteConnection connection, SqliteTransaction transaction, Plan plan, string campaignName, DateTimeOffset at, bool fileWins = false)
    {
        var (officesCreated, officesUpdated) = await WriteOfficesAsync(directory, connection, transaction, plan);
        var officeIds = (await directory.OfficesAsync(transaction)).ToDictionary(o => o.Name, o => o.Id);
        var people = await PlanPeopleWriter.WriteAsync(directory, connection, transaction, plan.People, officeIds, at);
        var personIds = (await directory.PeopleAsync(transaction)).ToDictionary(p => p.Name, p => p.Id);
        var campaignId = await EnsureCampaignAsync(campaigns, transaction, plan, campaignName, at);
        await PlanImportRepository.WriteSeriesAsync(
            connection, transaction, plan.Series.Select(s => new PlanImportRepository.SeriesValues(s.Code, s.Title, s.Rule, s.LeadDays)), at);
        var tasks = await PlanTaskWriter.WriteAsync(connection, transaction, plan, campaignId, officeIds, personIds, at, fileWins);
        return new PlanWriteSummary
        {
            TasksAdded = tasks.Added,
            TasksUpdated = tasks.Updated,
            TasksUnchanged = tasks.Unchanged,
            OfficesCreated = officesCreated,
            OfficesUpdated = officesUpdated,
            PeopleCreated = people.Created,
            PeopleUpdated = people.Updated,
            PeopleUnchanged = people.Unchanged,
            AccountsLinked = people.Linked,
            PeopleWithoutAccount = people.WithoutAccount,
            Kept = tasks.Kept,
            Overridden = tasks.Overridden,
            EventsRemoved = tasks.EventsRemoved,
        };
    }

    /// <summary>Adds the offices the ledger does not have, and updates the aliases and kind of those it has; says which of each.</summary>
    private static async Task<(IReadOnlyList<string> Created, IReadOnlyList<string> Updated)> WriteOfficesAsync(
        DirectoryRepository directory, SqliteConnection connection, SqliteTransaction transaction, Plan plan)
    {
        var known = (await directory.OfficesAsync(transaction)).ToDictionary(o => o.Name);
        var (created, updated) = (new List<string>(), new List<string>());
        DirectoryRepository.NoteChange();
        foreach (var office in plan.Offices)
        {
            if (!known.TryGetValue(office.Name, out var before))
            {
                await directory.InsertOfficeAsync(transaction, office.Name, office.Aliases, office.Kind);
                created.Add(office.Name);
            }
            else if ((before.Aliases, before.Kind) != (office.Aliases, office.Kind))
            {
                await PlanImportRepository.UpdateOfficeAsync(connection, transaction, office.Name, office.Aliases, office.Kind);
                updated.Add(office.Name);
            }
        }

        return (created, updated);
    }

    private static async Task<long> EnsureCampaignAsync(CampaignRepository campaigns, SqliteTransaction transaction, Plan plan, string name, DateTimeOffset at)
    {
        // Validation guarantees at least one task, so the plan has dates to cover.
        var startsOn = plan.Tasks.Select(t => t.StartsOn ?? t.DueOn).Min();
        var endsOn = plan.Tasks.Max(t => t.DueOn);
        if (await campaigns.CurrentAsync(transaction) is { } campaign)
        {
            await campaigns.CoverAsync(transaction, campaign.Id, startsOn, endsOn);
            return campaign.Id;
        }

        return await campaigns.InsertAsync(transaction, name, startsOn, endsOn, at);
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

    /// <summary>
    /// One audit row per decision a --file-wins import overrode, on its task: before, the value the
    /// decision had set (and the decision); after, the file's value and the file.
    /// </summary>
    public static IEnumerable<AuditEntry> OverridesOf(string source, PlanWriteSummary summary, string actor, DateTimeOffset at) =>
        summary.Overridden.Select(difference => new AuditEntry
        {
            At = at,
            ActorAccount = actor,
            Action = "plan.override",
            Entity = "task",
            EntityKey = difference.Code,
            BeforeJson = JsonSerializer.Serialize(difference switch
            {
                PlanDifference.Deadline d => new { DueOn = d.InLedger, d.Decision },
                PlanDifference.Lead l => new { Office = l.OfficeInLedger, Owner = l.OwnerInLedger, l.Decision },
                PlanDifference.EventNotInFile e => (object)new { e.Decisions },
                _ => throw new InvalidOperationException(difference.GetType().Name),
            }, AuditJson.Options),
            AfterJson = JsonSerializer.Serialize(difference switch
            {
                PlanDifference.Deadline d => new { DueOn = d.InFile, File = source },
                PlanDifference.Lead l => new { Office = l.OfficeInFile, Owner = l.OwnerInFile, File = source },
                _ => (object)new { Removed = true, File = source },
            }, AuditJson.Options),
        });
}
