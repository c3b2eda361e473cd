using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Options;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// For the weekly report: the offices with open tasks that nothing reaches, and those reached only
/// through their people's 1:1 chats, by name; decided by the same targets the planner sends to.
/// </summary>
public sealed class ReachReport(IReminderStore store, DirectoryRepository directory, IOptions<ReminderOptions> reminders)
{
    public async Task<(IReadOnlyList<string> Unreached, IReadOnlyList<string> ThroughPeople)> OfficesAsync(CancellationToken cancellationToken)
    {
        var input = await store.LoadPlanningInputAsync(cancellationToken);
        var reach = input.Targets.Reach(input.Tasks, reminders.Value.UnboundOfficeRecipientsOrDefault());
        var names = (await directory.OfficesAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        return (reach.Where(r => !r.IsReached).Select(r => names[r.OfficeId]).ToList(),
                reach.Where(r => r.ThroughPeople).Select(r => names[r.OfficeId]).ToList());
    }
}
