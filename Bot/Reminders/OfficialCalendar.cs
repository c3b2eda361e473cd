using System.Text.Json;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Reminders;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignBot.Reminders;

/// <summary>
/// The State Council's published holidays (法定节假日) and make-up workdays (调休上班), shipped with
/// the bot: the npm package chinese-days (github.com/vsme/chinese-days, MIT; version pinned in
/// ClientApp/package.json, copied beside the binary at build time as calendar/chinese-days.json).
/// Loaded into the ledger at start-up; the workday table (`workdays load`) overrides it by date.
/// A new year's arrangement comes with an update of the package, or by `workdays load` until then
/// (<see cref="HolidayTableWatch"/> tells the coordinators from December).
/// </summary>
public sealed class OfficialCalendar(LedgerDatabase database, IOptions<ReminderOptions> options, ILogger<OfficialCalendar> logger)
{
    /// <summary>Replaces the shipped days in the ledger with the file's; returns how many, 0 when there is no file.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.OfficialCalendarFile))
        {
            return 0;
        }

        var path = Path.GetFullPath(options.Value.OfficialCalendarFile, AppContext.BaseDirectory);
        if (!File.Exists(path))
        {
            logger.LogWarning("No official holiday calendar at {Path}: weekends only, plus what `workdays load` gave", path);
            return 0;
        }

        // When the table runs out, the coordinators are told in chat (HolidayTableWatch), not every verb's console.
        var days = Read(await File.ReadAllTextAsync(path, cancellationToken));
        await database.WriteAsync((connection, transaction) => WorkdayRepository.ReplaceOfficialAsync(connection, transaction, days), cancellationToken);
        return days.Count;
    }

    /// <summary>chinese-days.json: {"holidays": {"2026-02-15": "Spring Festival,春节,4", …}, "workdays": {…}, "inLieuDays": {…}}.</summary>
    public static IReadOnlyList<CalendarDay> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        IEnumerable<CalendarDay> Days(string property, bool isWorkday) =>
            root.TryGetProperty(property, out var days)
                ? days.EnumerateObject().Select(d => new CalendarDay(
                    DateOnly.ParseExact(d.Name, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    isWorkday,
                    d.Value.GetString()?.Split(',') is [_, var chinese, ..] ? chinese : ""))
                : [];

        // A make-up workday is never also a holiday; should the file say both, work wins.
        return Days("holidays", false).Concat(Days("workdays", true))
            .GroupBy(d => d.Date).Select(g => g.OrderByDescending(d => d.IsWorkday).First())
            .OrderBy(d => d.Date).ToList();
    }
}
