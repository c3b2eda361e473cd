namespace CampaignBot.Understanding.Commands;

public enum InvalidInput
{
    /// <summary>The words name a date that the calendar does not have (2月30日).</summary>
    ImpossibleDate,

    /// <summary>A range whose end comes before its start.</summary>
    ReversedRange,
}
