using CampaignBot.Scheduling.Calendar;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// The calendar the planner and the plan import use: the official holidays and make-up workdays
/// shipped with the bot (official_workday), overridden date by date by the workday table
/// (`workdays load`).
/// </summary>
public static class WorkdayRepository
{
    public static async Task<WorkdayCalendar> CalendarAsync(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        new((await connection.QueryAsync<(DateOnly Date, bool IsWorkday)>(
                """
                SELECT date, is_workday FROM official_workday WHERE date NOT IN (SELECT date FROM workday)
                UNION ALL
                SELECT date, is_workday FROM workday
                """, transaction: transaction))
            .ToDictionary(d => d.Date, d => d.IsWorkday));

    /// <summary>The last year the calendar (shipped or loaded) names any holiday or make-up workday of; null when it names none.</summary>
    public static async Task<int?> LastCoveredYearAsync(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        await connection.ExecuteScalarAsync<int?>(
            "SELECT CAST(substr(max(date), 1, 4) AS INTEGER) FROM (SELECT max(date) AS date FROM official_workday UNION ALL SELECT max(date) FROM workday)",
            transaction: transaction);

    /// <summary>The official calendar (the shipped holiday table), replacing what was loaded before.</summary>
    public static async Task<int> ReplaceOfficialAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<CalendarDay> days)
    {
        await connection.ExecuteAsync("DELETE FROM official_workday", transaction: transaction);
        return await connection.ExecuteAsync("INSERT INTO official_workday (date, is_workday, name) VALUES (@Date, @IsWorkday, @Name)", days, transaction);
    }

    /// <summary>Days that are not what the weekday rule says (a holiday, a make-up workday), replacing what was stored for them.</summary>
    public static async Task<bool> SaveAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<CalendarDay> days)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO workday (date, is_workday, name) VALUES (@Date, @IsWorkday, @Name)
            ON CONFLICT (date) DO UPDATE SET is_workday = excluded.is_workday, name = excluded.name
            """, days, transaction);
        return true;
    }
}
