using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding.Dates;

/// <summary>The outcome of reading a date expression: a window, an impossible date, or not a date at all.</summary>
public readonly record struct DateReading(DateWindow? Window, InvalidInput? Error)
{
    public static readonly DateReading NotADate = default;

    public bool IsDate => Window is not null || Error is not null;
}
