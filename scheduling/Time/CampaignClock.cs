namespace CampaignBot.Scheduling.Time;

/// <summary>
/// The campaign's notion of "now" and "today": instants come from the injected
/// <see cref="TimeProvider"/>, calendar dates are taken in the campaign's time zone.
/// </summary>
public sealed class CampaignClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone => zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(UtcNow, zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    /// <summary>Whole calendar days from today to <paramref name="date"/>; negative when it has passed.</summary>
    public int DaysUntil(DateOnly date) => date.DayNumber - Today.DayNumber;

    public static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new ArgumentException($"Unknown time zone '{id}'. Use an IANA id such as Asia/Shanghai.", nameof(id));
}
