namespace CampaignBot.Plans;

public sealed record PlanTask(
    string Code,
    string Title,
    string EvaluationItem,
    string LeadOffice,
    IReadOnlyList<string> CoOffices,
    string? Owner,
    DateOnly? StartsOn,
    DateOnly DueOn,
    string EvidenceRequired)
{
    /// <summary>For an occurrence of a recurring duty: its series' code, and the day of the event.</summary>
    public string? SeriesCode { get; init; }

    public DateOnly? EventOn { get; init; }
}
