namespace CampaignBot.Understanding.Commands;

/// <summary>An inclusive range of calendar dates in the campaign's time zone.</summary>
public sealed record DateWindow(DateOnly From, DateOnly To)
{
    public static DateWindow Day(DateOnly day) => new(day, day);

    public bool IsSingleDay => From == To;
}
