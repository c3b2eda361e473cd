namespace CampaignBot.Scheduling.Recurrence;

/// <summary>
/// One occurrence of a recurring duty: the day of the event, and its deadline, which is
/// <see cref="RecurrenceRule.LeadDays"/> earlier (the activity must be organised by then).
/// </summary>
public sealed record Occurrence(DateOnly EventDate, DateOnly DueOn);
