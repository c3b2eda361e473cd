using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// The pending snoozes (稍后提醒): at most one per task and chat, the day it comes back on. Its
/// trigger lives in Quartz (Reminders/Snoozes); this row says which trigger still counts. Each call
/// runs in the caller's transaction.
/// </summary>
public sealed class SnoozeRepository
{
    /// <summary>The day of the task's pending snooze in the chat, if it has one.</summary>
    public Task<DateOnly?> DayAsync(SqliteTransaction transaction, long taskId, string targetKey) =>
        transaction.Connection!.ExecuteScalarAsync<DateOnly?>(
            "SELECT day FROM snooze WHERE task_id = @TaskId AND target = @Target", new { TaskId = taskId, Target = targetKey }, transaction);

    /// <summary>Sets the task's snooze in the chat, replacing any earlier one.</summary>
    public Task SetAsync(SqliteTransaction transaction, long taskId, string targetKey, DateOnly day, long personId, DateTimeOffset at) =>
        transaction.Connection!.ExecuteAsync(
            """
            INSERT INTO snooze (task_id, target, day, person_id, created_at) VALUES (@TaskId, @Target, @Day, @PersonId, @At)
            ON CONFLICT (task_id, target) DO UPDATE SET day = excluded.day, person_id = excluded.person_id, created_at = excluded.created_at
            """, new { TaskId = taskId, Target = targetKey, Day = day, PersonId = personId, At = UtcText.Format(at) }, transaction);

    public Task RemoveAsync(SqliteTransaction transaction, long taskId, string targetKey) =>
        transaction.Connection!.ExecuteAsync("DELETE FROM snooze WHERE task_id = @TaskId AND target = @Target", new { TaskId = taskId, Target = targetKey }, transaction);
}
