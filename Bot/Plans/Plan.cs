namespace CampaignBot.Plans;

/// <summary>
/// A validated implementation plan (实施方案), ready to be written to the ledger in one transaction; the
/// records it is made of (its offices, people, tasks and recurring duties) follow it in this file.
/// </summary>
public sealed record Plan(IReadOnlyList<PlanOffice> Offices, IReadOnlyList<PlanPerson> People, IReadOnlyList<PlanTask> Tasks)
{
    public IReadOnlyList<PlanSeries> Series { get; init; } = [];
}

public sealed record PlanOffice(string Name, string Aliases, string Kind);

/// <param name="Mobile">For DingTalk robots' @mentions; the Ids likewise for DingTalk and WeCom.</param>
public sealed record PlanPerson(string Name, string Office, string Role, IReadOnlyList<string> Accounts, string? Mobile = null, string? DingTalkUserId = null, string? WeComUserId = null);

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

/// <summary>A recurring duty (a row with 周期): its occurrences are among the plan's tasks.</summary>
public sealed record PlanSeries(string Code, string Title, string Rule, int LeadDays);
