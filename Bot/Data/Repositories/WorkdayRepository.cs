using CampaignBot.Scheduling.Calendar;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Data.Repositories;

/// <summary>The workday table (holidays, make-up workdays) as the calendar the planner and the plan import use.</summary>
public static class WorkdayRepository
{
    public static async Task<WorkdayCalendar> CalendarAsync(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        new((await connection.QueryAsync<(DateOnly Date, bool IsWorkday)>("SELECT date, is_workday FROM workday", transaction: transaction))
            .ToDictionary(d => d.Date, d => d.IsWorkday));
}
