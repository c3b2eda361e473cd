using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>When reminders go out: a fixed local time on workdays, in the campaign's time zone.</summary>
public static class SendSchedule
{
    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant (UTC) of <paramref name="day"/>'s send time in the campaign's zone.</summary>
    public static DateTimeOffset SendInstant(DateOnly day, TimeOnly sendTimeLocal, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(sendTimeLocal);
        // A send time inside a daylight-saving gap does not exist; take the hour after it.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Workdays whose send time is at or before <paramref name="now"/>, newest first, going back <paramref name="lookbackDays"/>.</summary>
    public static IEnumerable<DateOnly> PassedSendDays(DateTimeOffset now, int lookbackDays, TimeOnly sendTimeLocal, TimeZoneInfo zone, IWorkdayCalendar calendar)
    {
        var today = LocalDay(now, zone);
        for (var day = today; day > today.AddDays(-lookbackDays); day = day.AddDays(-1))
        {
            if (calendar.IsWorkday(day) && SendInstant(day, sendTimeLocal, zone) <= now)
            {
                yield return day;
            }
        }
    }

    /// <summary>The first workday whose send time is at or after <paramref name="now"/>, looking <paramref name="lookaheadDays"/> ahead; null if none.</summary>
    public static DateOnly? NextSendDay(DateTimeOffset now, int lookaheadDays, TimeOnly sendTimeLocal, TimeZoneInfo zone, IWorkdayCalendar calendar)
    {
        var today = LocalDay(now, zone);
        for (var day = today; day < today.AddDays(lookaheadDays); day = day.AddDays(1))
        {
            if (calendar.IsWorkday(day) && SendInstant(day, sendTimeLocal, zone) >= now)
            {
                return day;
            }
        }

        return null;
    }
}
