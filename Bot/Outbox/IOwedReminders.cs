using Microsoft.Data.Sqlite;

namespace CampaignBot.Outbox;

/// <summary>
/// Which of the reminders a claim is about to send are still owed, asked in the claim's transaction:
/// the outbox knows a reminder only as (task id, occurrence); whether that task is still open with
/// that deadline is the ledger's to say (Ledger/OwedReminders).
/// </summary>
public interface IOwedReminders
{
    /// <returns>The (task, occurrence) pairs among <paramref name="reminders"/> that are still owed.</returns>
    Task<IReadOnlySet<(long TaskId, DateOnly Occurrence)>> StillOwedAsync(SqliteTransaction transaction, IReadOnlyCollection<(long TaskId, DateOnly Occurrence)> reminders);
}
