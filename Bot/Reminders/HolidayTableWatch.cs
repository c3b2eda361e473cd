using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Reminders;

/// <summary>
/// The State Council publishes next year's holidays in November or December, and the shipped table
/// (chinese-days) has them only after an update of the bot. From December, while the calendar
/// (shipped and loaded) names nothing of next year, the coordinators are told once each send day,
/// in their chats, how to load it (`workdays load`); without it, next year's reminders would fall
/// on holidays. It used to be a console warning printed by every operator verb, all year.
/// </summary>
public sealed class HolidayTableWatch(LedgerDatabase database, OutboxRepository outbox, CampaignClock clock, ILogger<HolidayTableWatch> logger) : ISendDayCheck
{
    /// <summary>The month from which a year's table should have the next one.</summary>
    public const int WarnFromMonth = 12;

    /// <summary>Whether a calendar whose last year is <paramref name="lastYear"/> is running out on <paramref name="day"/>.</summary>
    public static bool RunsOut(int? lastYear, DateOnly day) =>
        lastYear is { } last && (last < day.Year || (last == day.Year && day.Month >= WarnFromMonth));

    public async Task RunAsync(DateOnly sendDay, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var told = await database.WriteAsync(async (connection, transaction) =>
        {
            var lastYear = await WorkdayRepository.LastCoveredYearAsync(connection, transaction);
            if (!RunsOut(lastYear, sendDay) || await outbox.PayloadQueuedOnAsync(transaction, Notice.HolidayTableEnding.Kind, sendDay))
            {
                return (int?)null;
            }

            var coordinators = await NoticeTargets.CoordinatorsAsync(connection, transaction);
            await outbox.EnqueueNoticeAsync(transaction, coordinators, new Notice.HolidayTableEnding(lastYear!.Value), now, clock.Zone);
            return coordinators.Count == 0 ? lastYear : null;
        }, cancellationToken);

        if (told is { } year)
        {
            logger.LogWarning("The holiday table ends with {Year} and no coordinators' chat is known to tell: load next year's with `workdays load`", year);
        }
    }
}
