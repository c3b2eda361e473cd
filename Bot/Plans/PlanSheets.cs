namespace CampaignBot.Plans;

/// <summary>The sheets a plan file may hold, by name, as read: rows of cells (<see cref="PlanRow"/>, below), not yet validated.</summary>
public sealed record PlanSheets(IReadOnlyList<PlanRow> Tasks, IReadOnlyList<PlanRow> Offices, IReadOnlyList<PlanRow> People);

/// <summary>One row as read from a sheet: its number in the spreadsheet and its cells by header.</summary>
public sealed record PlanRow(int Number, IReadOnlyDictionary<string, object?> Cells)
{
    public string Text(string column) => Cells.TryGetValue(column, out var value) ? PlanCells.AsText(value) : string.Empty;

    public object? Raw(string column) => Cells.TryGetValue(column, out var value) ? value : null;

    public bool IsBlank => Cells.Values.All(v => string.IsNullOrWhiteSpace(PlanCells.AsText(v)));
}
