using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Plans;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Seeding;

/// <summary>Seeds the sample campaign into an empty ledger, in one transaction, through the plan writer.</summary>
/// <param name="recurringDuties">With the speech's recurring duties (Campaign:SampleRecurringDuties).</param>
public sealed class SampleCampaignSeeder(LedgerDatabase database, AuditRepository audit, DirectoryRepository directory, CampaignRepository campaigns, EvidenceRepository evidence, TaskRepository tasks, CampaignClock clock, ILogger<SampleCampaignSeeder> logger, bool recurringDuties)
{
    [ActivatorUtilitiesConstructor]
    public SampleCampaignSeeder(LedgerDatabase database, AuditRepository audit, DirectoryRepository directory, CampaignRepository campaigns, EvidenceRepository evidence, TaskRepository tasks, CampaignClock clock, ILogger<SampleCampaignSeeder> logger, Microsoft.Extensions.Options.IOptions<CampaignOptions> options)
        : this(database, audit, directory, campaigns, evidence, tasks, clock, logger, options.Value.SampleRecurringDuties)
    {
    }

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var seeded = await database.WriteAsync(async (connection, transaction) =>
        {
            // A ledger the sample was removed from (sample remove) is on its way to the real plan: not again.
            if (await campaigns.CurrentAsync(transaction) is not null
                || await audit.AnyAsync(transaction, SampleCampaignRemover.AuditAction))
            {
                return false;
            }

            var now = clock.UtcNow;
            var today = clock.Today;
            var plan = SampleCampaign.Build(today);
            var held = new List<PlanTask>();
            if (recurringDuties)
            {
                // The calendar the bot has now (the shipped holidays are loaded before seeding) places 每月最后一个工作日.
                var (series, occurrences) = SampleCampaign.RecurringDuties(today, await WorkdayRepository.CalendarAsync(connection, transaction));
                plan = plan with { Tasks = [.. plan.Tasks, .. occurrences], Series = series };
                held.AddRange(SampleCampaign.HeldDuties(occurrences, today));
            }

            var summary = await PlanWriter.WriteAsync(directory, campaigns, connection, transaction, plan, SampleCampaign.Name, now);
            var coordinator = (await directory.PeopleAsync(transaction)).First(p => p.IsCoordinator);
            foreach (var (code, doneOn) in SampleCampaign.Completed(today).Concat(held.Select(t => (t.Code, t.DueOn))))
            {
                var task = (await tasks.FindByCodeAsync(transaction, code))!;
                var doneAt = new DateTimeOffset(doneOn.ToDateTime(new TimeOnly(10, 0)), clock.Zone.GetUtcOffset(doneOn.ToDateTime(TimeOnly.MinValue)));
                var doneBy = task.OwnerId ?? coordinator.Id;
                await tasks.MarkDoneAsync(transaction, task.Id, doneBy, doneAt);
                await evidence.AddAsync(transaction, task.Id, doneBy, doneAt,
                    new EvidenceRepository.NewEvidence(EvidenceRepository.Kinds.Note, null, null, null, $"已按要求完成，{task.EvidenceRequired}已归档。"));
            }

            await audit.AppendAsync(transaction, PlanWriter.AuditOf("sample-campaign", summary, "system", now) with { Action = "campaign.seed" });
            return true;
        }, cancellationToken);

        if (seeded)
        {
            logger.LogInformation("Seeded the sample campaign ({Name}) into {Path}", SampleCampaign.Name, database.FilePath);
        }

        return seeded;
    }
}
