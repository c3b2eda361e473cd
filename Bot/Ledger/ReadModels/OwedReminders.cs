using CampaignBot.Outbox;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.ReadModels;

/// <summary>
/// The ledger's answer, when the outbox claims a message, to "is this reminder still owed?": only
/// for a task still open whose deadline is still the occurrence it was planned for (a task done
/// since planning, or whose deadline moved, is not reminded).
/// </summary>
public sealed class OwedReminders : IOwedReminders
{
    public async Task<IReadOnlySet<(long TaskId, DateOnly Occurrence)>> StillOwedAsync(
        SqliteTransaction transaction, IReadOnlyCollection<(long TaskId, DateOnly Occurrence)> reminders)
    {
        var open = await transaction.Connection!.QueryAsync<(long Id, DateOnly DueOn)>(
            "SELECT id, due_on FROM task WHERE status = 'open' AND id IN @Ids",
            new { Ids = reminders.Select(r => r.TaskId).Distinct().ToArray() }, transaction);
        var asked = reminders.ToHashSet();
        return open.Where(asked.Contains).ToHashSet();
    }
}
