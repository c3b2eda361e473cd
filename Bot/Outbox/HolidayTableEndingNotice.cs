namespace CampaignBot.Outbox;

/// <summary>To the coordinators: the holiday table (shipped and loaded) ends with <paramref name="LastYear"/>, and that year is ending or over.</summary>
public sealed record HolidayTableEndingNotice(int LastYear) : Notice
{
    /// <summary>Its kind in the outbox's notice column, which tells whether one went out today.</summary>
    public const string Kind = "holidays-ending";
}
