using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using Microsoft.Extensions.Options;
using CampaignBot.Ledger;

namespace CampaignBot.Plans;

/// <summary>Reads a plan file, validates every row, and writes it only if every row is good.</summary>
public sealed class PlanImporter(LedgerDatabase database, AuditRepository audit, DirectoryRepository directory, CampaignRepository campaigns, TimeProvider time, IOptions<CampaignOptions> options, IOptions<ImportLimits> limits)
{
    /// <param name="createMissing">Create the offices and people the plan names that the ledger does not know; always so into a ledger with no offices.</param>
    /// <param name="fileWins">
    /// The file's deadlines, offices and owners replace those that decisions made in chat set since
    /// the plan was last imported (each one listed and audited); without it the ledger keeps them and lists the differences.
    /// </param>
    public async Task<PlanImportResult> ImportAsync(
        string path, string actor, bool createMissing = false, bool fileWins = false, CancellationToken cancellationToken = default)
    {
        var sheets = PlanFileReader.Read(path, limits.Value);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            // Validate inside the write transaction, so the directory checked is the one written to.
            var offices = await directory.OfficesAsync(transaction);
            var people = await directory.PeopleAsync(transaction);
            var validation = PlanValidator.Validate(
                sheets, offices, people, await WorkdayRepository.CalendarAsync(connection, transaction), createMissing, options.Value.LatestDueOn(time));
            if (!validation.IsValid)
            {
                return new PlanImportResult(null, validation.Errors);
            }

            var now = time.GetUtcNow();
            var summary = await PlanWriter.WriteAsync(directory, campaigns, connection, transaction, validation.Plan!, options.Value.Name, now, fileWins) with
            {
                NumberLikeCodes = NumberLikeCodes.Of(validation.Plan!.Tasks.Select(t => t.SeriesCode ?? t.Code).Distinct()),
            };
            await audit.AppendAsync(transaction, PlanWriter.AuditOf(Path.GetFileName(path), summary, actor, now));
            foreach (var overridden in PlanWriter.OverridesOf(Path.GetFileName(path), summary, actor, now))
            {
                await audit.AppendAsync(transaction, overridden);
            }

            return new PlanImportResult(summary, []);
        }, cancellationToken);
    }
}
