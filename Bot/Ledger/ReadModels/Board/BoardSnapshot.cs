using CampaignBot.Ledger;

namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>
/// The progress board (挂图作战) computed in memory from every task: per-office progress, the overdue
/// list, the next 14 days, and per-evaluation-item coverage with all their tasks. One pure function
/// of the tasks and the day, for the export (汇总 and a sheet per item), which needs every task
/// anyway. The page's data is counted by SQLite instead (<see cref="BoardRepository"/>),
/// and BoardRepositoryTests holds the two to the same numbers.
/// </summary>
public sealed record BoardSnapshot(
    DateOnly Today,
    IReadOnlyList<OfficeLine> Offices,
    IReadOnlyList<BoardTask> Overdue,
    IReadOnlyList<BoardTask> NextDays,
    IReadOnlyList<ItemLine> Items,
    IReadOnlyList<string> AllItems,
    IReadOnlyList<(long Id, string Name)> AllOffices)
{
    public const string NoItem = "（未填测评项目）";
    public const int DaysAhead = 14;

    public static BoardSnapshot Build(IReadOnlyList<LedgerTask> tasks, IReadOnlyList<Office> offices, DateOnly today, BoardFilter filter)
    {
        var shown = tasks.Where(filter.Includes).ToList();
        var lines = offices
            .Where(o => filter.OfficeId is not { } only || o.Id == only)
            .Select(o => Line(o, shown.Where(t => t.LeadOfficeId == o.Id).ToList(), today))
            .Where(l => l.Total > 0 || filter.OfficeId is not null)
            .ToList();
        var overdue = shown.Where(t => !t.IsDone && t.DueOn < today)
            .OrderBy(t => t.DueOn).ThenBy(t => t.Code).Select(t => Task(t, today)).ToList();
        var nextDays = shown.Where(t => !t.IsDone && t.DueOn >= today && t.DueOn < today.AddDays(DaysAhead))
            .OrderBy(t => t.DueOn).ThenBy(t => t.Code).Select(t => Task(t, today)).ToList();
        var items = shown.GroupBy(BoardFilter.ItemOf)
            .Select(g => new ItemLine(g.Key, g.Count(), g.Count(t => t.IsDone), g.Count(t => t.EvidenceCount > 0),
                g.Count(t => ShouldHaveEvidence(t, today)), g.Count(t => ShouldHaveEvidence(t, today) && t.EvidenceCount == 0),
                g.OrderBy(t => t.Code).Select(t => Task(t, today)).ToList()))
            .OrderByDescending(i => i.EvidenceGaps).ThenBy(i => i.Item, StringComparer.Ordinal)
            .ToList();
        return new BoardSnapshot(today, lines, overdue, nextDays, items,
            tasks.Select(BoardFilter.ItemOf).Distinct().Order(StringComparer.Ordinal).ToList(),
            offices.Select(o => (o.Id, o.Name)).ToList());
    }

    /// <summary>A task should have its evidence once it is due or done; one not yet due is no gap.</summary>
    public static bool ShouldHaveEvidence(LedgerTask task, DateOnly today) => task.IsDone || task.DueOn <= today;

    private static OfficeLine Line(Office office, IReadOnlyList<LedgerTask> led, DateOnly today) => new(
        office.Id, office.Name, led.Count, led.Count(t => t.IsDone), led.Count(t => t.DueOn <= today), led.Count(t => !t.IsDone && t.DueOn < today));

    private static BoardTask Task(LedgerTask task, DateOnly today) => new(
        task.Code, task.Title, task.LeadOfficeName, BoardFilter.ItemOf(task), task.DueOn, task.IsDone, task.EvidenceCount,
        task.IsDone || task.DueOn >= today ? 0 : today.DayNumber - task.DueOn.DayNumber);
}
