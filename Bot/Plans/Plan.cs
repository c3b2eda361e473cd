namespace CampaignBot.Plans;

// A validated implementation plan (实施方案), ready to be written to the ledger in one transaction.

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

public sealed record Plan(IReadOnlyList<PlanOffice> Offices, IReadOnlyList<PlanPerson> People, IReadOnlyList<PlanTask> Tasks)
{
    public IReadOnlyList<PlanSeries> Series { get; init; } = [];
}

/// <summary>A bad row: the sheet it is on, its row number as the spreadsheet shows it, and why.</summary>
public sealed record PlanRowError(string Sheet, int Row, string Reason)
{
    public override string ToString() => $"{Sheet} 第 {Row} 行: {Reason}";
}

/// <summary>One row as read from a sheet: its number in the spreadsheet and its cells by header.</summary>
public sealed record PlanRow(int Number, IReadOnlyDictionary<string, object?> Cells)
{
    public string Text(string column) => Cells.TryGetValue(column, out var value) ? PlanCells.AsText(value) : string.Empty;

    public object? Raw(string column) => Cells.TryGetValue(column, out var value) ? value : null;

    public bool IsBlank => Cells.Values.All(v => string.IsNullOrWhiteSpace(PlanCells.AsText(v)));
}

/// <summary>The sheets a plan file may hold, by name.</summary>
public sealed record PlanSheets(IReadOnlyList<PlanRow> Tasks, IReadOnlyList<PlanRow> Offices, IReadOnlyList<PlanRow> People);
