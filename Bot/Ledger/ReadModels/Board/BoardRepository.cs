using CampaignBot.Data;
using Dapper;

namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>
/// The progress board's numbers, counted by SQLite: per-office and per-item aggregates (GROUP BY),
/// the overdue and next-14-days lists with their full counts but only their first rows, and one
/// chosen item's first tasks. Before, the page got every task and counted in the browser: 22 MB
/// and 2 s at 100,000 tasks; measured now in bench/ (`--only board`) and docs/board.md.
/// </summary>
public sealed class BoardRepository(LedgerDatabase database)
{
    /// <summary>An evaluation item as the board groups it; imports store it trimmed, blanks are "no item".</summary>
    internal const string ItemOf = "CASE WHEN trim(t.evaluation_item) = '' THEN @NoItem ELSE trim(t.evaluation_item) END";

    /// <remarks>
    /// The tasks the filter keeps. For one office the set starts from that office's tasks (as lead or
    /// helping office), as TaskRepository's scoped reads do, so it costs what the office holds.
    /// </remarks>
    private static string Shown(BoardFilter filter) => $"""
        WITH shown AS (
            SELECT t.id, t.code, t.title, t.lead_office_id, t.due_on, t.status, t.series_code, {ItemOf} AS item
            FROM {(filter.OfficeId is null ? "task t" : """
                (SELECT id FROM task WHERE lead_office_id = @OfficeId UNION SELECT task_id FROM task_co_office WHERE office_id = @OfficeId) AS mine
                CROSS JOIN task t ON t.id = mine.id
                """)}
            {(filter.Item is null ? "" : $"WHERE {ItemOf} = @Item")}
        )

        """;

    /// <remarks>
    /// "+lead_office_id" keeps SQLite from walking the (lead_office_id, due_on) index to group: that
    /// reads the table in index order, one random page per task (150 ms at 100,000 tasks, 55 ms scanning).
    /// </remarks>
    private const string Aggregates = """
        SELECT o.id AS office_id, o.name AS office, coalesce(l.total, 0) AS total, coalesce(l.done, 0) AS done,
               coalesce(l.due_so_far, 0) AS due_so_far, coalesce(l.overdue, 0) AS overdue
        FROM office o LEFT JOIN (
            SELECT lead_office_id, count(*) AS total, sum(status = 'done') AS done, sum(due_on <= @Today) AS due_so_far,
                   sum(status = 'open' AND due_on < @Today) AS overdue
            FROM shown GROUP BY +lead_office_id) AS l ON l.lead_office_id = o.id
        WHERE (@OfficeId IS NULL AND l.total > 0) OR o.id = @OfficeId
        ORDER BY o.id;

        """;

    /// <remarks>A task should have evidence once it is due or done (BoardSnapshot.ShouldHaveEvidence); one not yet due is no gap.</remarks>
    private const string ItemAggregates = """
        SELECT s.item, count(*) AS total, sum(s.status = 'done') AS done, sum(s.has_evidence) AS with_evidence,
               sum(s.due_on <= @Today OR s.status = 'done') AS due_so_far,
               sum((s.due_on <= @Today OR s.status = 'done') AND NOT s.has_evidence) AS evidence_gaps
        FROM (SELECT s.*, EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = s.id AND e.withdrawn_at IS NULL) AS has_evidence FROM shown s) AS s
        GROUP BY s.item;

        """;

    /// <remarks>
    /// The shown tasks' own counts: with an office chosen, its lead tasks and those it helps with,
    /// as the overdue list shows them (the office lines count lead tasks only).
    /// </remarks>
    private const string Totals = """
        SELECT count(*) AS total, coalesce(sum(s.status = 'done'), 0) AS done, coalesce(sum(s.due_on <= @Today), 0) AS due_so_far,
               coalesce(sum(s.status = 'open' AND s.due_on < @Today), 0) AS overdue
        FROM shown s;

        """;

    /// <summary>An occurrence of a recurring duty that is open and not yet due: folded into its duty's line.</summary>
    private const string Upcoming = "(s.series_code IS NOT NULL AND s.status = 'open' AND s.due_on > @Today)";

    private const string Days = """
        SELECT s.due_on, count(*) AS count FROM shown s
        WHERE s.status = 'open' AND s.due_on >= @Today AND s.due_on < @Until GROUP BY s.due_on;

        """;

    private const string TaskColumns = """
        s.code, s.title, o.name AS office, s.item, s.due_on, s.status = 'done' AS done,
        (SELECT count(*) FROM evidence e WHERE e.task_id = s.id AND e.withdrawn_at IS NULL) AS evidence
        """;

    private const string OverdueCount = """
        SELECT count(*) FROM shown s WHERE s.status = 'open' AND s.due_on < @Today;

        """;

    private static string OverdueList => $"""
        SELECT {TaskColumns} FROM shown s JOIN office o ON o.id = s.lead_office_id
        WHERE s.status = 'open' AND s.due_on < @Today ORDER BY s.due_on, s.code LIMIT @Limit;

        """;

    private static string NextDaysList => $"""
        SELECT {TaskColumns} FROM shown s JOIN office o ON o.id = s.lead_office_id
        WHERE s.status = 'open' AND s.due_on >= @Today AND s.due_on < @Until ORDER BY s.due_on, s.code LIMIT @Limit;

        """;

    /// <remarks>
    /// One item's tasks, those without evidence first, and its recurring duties' future occurrences
    /// folded, one line per duty: asked for when the page opens an item.
    /// </remarks>
    private static string[] ItemTasks =>
    [
        $"""
        SELECT count(*) FROM shown s WHERE NOT {Upcoming};

        """,
        $"""
        SELECT {TaskColumns} FROM shown s JOIN office o ON o.id = s.lead_office_id
        WHERE NOT {Upcoming}
        ORDER BY EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = s.id AND e.withdrawn_at IS NULL), s.code LIMIT @Limit;

        """,
        $"""
        SELECT r.code, r.title, r.rule, min(s.due_on) AS next_due_on, count(*) AS count
        FROM shown s JOIN task_series r ON r.code = s.series_code
        WHERE {Upcoming} GROUP BY r.code ORDER BY next_due_on, r.code LIMIT @Limit;

        """,
    ];

    public async Task<BoardData> ReadAsync(BoardFilter filter, DateOnly today, CancellationToken cancellationToken = default)
    {
        var until = today.AddDays(BoardSnapshot.DaysAhead);
        var parameters = new
        {
            filter.OfficeId, filter.Item, NoItem = BoardSnapshot.NoItem, Today = today, Until = until,
            Limit = BoardData.ListLimit,
        };
        await using var connection = await database.OpenAsync(cancellationToken);

        var shown = Shown(filter);
        List<OfficeRow> offices;
        BoardTotals totals;
        List<ItemRow> itemRows;
        List<DayRow> days;
        int overdueCount;
        List<TaskRow> overdue, nextDays;
        await using (var reader = await connection.QueryMultipleAsync(new CommandDefinition(
            // Each statement names the filtered set again: a WITH clause belongs to one statement.
            string.Concat(new[] { Aggregates, Totals, ItemAggregates, Days, OverdueCount, OverdueList, NextDaysList }.Select(statement => shown + statement)),
            parameters, cancellationToken: cancellationToken)))
        {
            offices = (await reader.ReadAsync<OfficeRow>()).AsList();
            totals = (await reader.ReadSingleAsync<TotalsRow>()).ToTotals();
            itemRows = (await reader.ReadAsync<ItemRow>()).AsList();
            days = (await reader.ReadAsync<DayRow>()).AsList();
            overdueCount = await reader.ReadSingleAsync<int>();
            overdue = (await reader.ReadAsync<TaskRow>()).AsList();
            nextDays = (await reader.ReadAsync<TaskRow>()).AsList();
        }

        var listedItems = itemRows
            .OrderByDescending(i => i.EvidenceGaps).ThenBy(i => i.Item, StringComparer.Ordinal)
            .Take(BoardData.ItemLimit).ToList();
        (BoardList Tasks, List<UpcomingSeries> Upcoming)? itemTasks = null;
        if (filter.Item is not null)
        {
            await using var reader = await connection.QueryMultipleAsync(new CommandDefinition(
                string.Concat(ItemTasks.Select(statement => shown + statement)), parameters, cancellationToken: cancellationToken));
            var listable = await reader.ReadSingleAsync<int>();
            var tasks = (await reader.ReadAsync<TaskRow>()).Select(t => t.ToTask(today)).ToList();
            itemTasks = (new BoardList(listable, tasks), (await reader.ReadAsync<UpcomingRow>()).Select(u => u.ToSeries()).ToList());
        }

        // The filters offer the most used items and offices, with their counts; the page searches for
        // the rest (BoardChoices). Unfiltered, the item aggregate already counted every item's tasks.
        var itemChoices = filter == BoardFilter.All
            ? new FilterChoices<string>(itemRows.Count, itemRows
                .OrderByDescending(i => i.Total).ThenBy(i => i.Item, StringComparer.Ordinal)
                .Take(BoardChoices.ListLimit).Select(i => i.Item).ToList())
            : await BoardChoices.ItemsAsync(connection, null, BoardChoices.ListLimit, cancellationToken);
        var officeChoices = await BoardChoices.OfficesAsync(connection, null, BoardChoices.ListLimit, cancellationToken);

        var lines = offices.Select(o => new OfficeLine(o.OfficeId, o.Office, o.Total, o.Done, o.DueSoFar, o.Overdue)).ToList();
        var perDay = Enumerable.Range(0, BoardSnapshot.DaysAhead).Select(d => days.Where(x => x.DueOn == today.AddDays(d)).Sum(x => x.Count)).ToList();
        return new BoardData(
            today,
            totals,
            lines,
            new BoardList(overdueCount, overdue.Select(t => t.ToTask(today)).ToList()),
            new BoardList(perDay.Sum(), nextDays.Select(t => t.ToTask(today)).ToList()),
            perDay,
            itemRows.Count,
            listedItems.Select(i => new ItemSummary(i.Item, i.Total, i.Done, i.WithEvidence, i.DueSoFar, i.EvidenceGaps, itemTasks?.Tasks) { Upcoming = itemTasks?.Upcoming }).ToList(),
            itemChoices with { Listed = itemChoices.Listed.Order(StringComparer.Ordinal).ToList() },
            officeChoices with { Listed = officeChoices.Listed.OrderBy(o => o.Id).ToList() });
    }

    private sealed record OfficeRow
    {
        public long OfficeId { get; init; }
        public string Office { get; init; } = "";
        public int Total { get; init; }
        public int Done { get; init; }
        public int DueSoFar { get; init; }
        public int Overdue { get; init; }
    }

    private sealed record TotalsRow
    {
        public int Total { get; init; }
        public int Done { get; init; }
        public int DueSoFar { get; init; }
        public int Overdue { get; init; }

        public BoardTotals ToTotals() => new(Total, Done, DueSoFar, Overdue);
    }

    private sealed record ItemRow
    {
        public string Item { get; init; } = "";
        public int Total { get; init; }
        public int Done { get; init; }
        public int WithEvidence { get; init; }
        public int DueSoFar { get; init; }
        public int EvidenceGaps { get; init; }
    }

    private sealed record UpcomingRow
    {
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string Rule { get; init; } = "";
        public DateOnly NextDueOn { get; init; }
        public int Count { get; init; }

        public UpcomingSeries ToSeries() => new(Code, Title, Rule, NextDueOn, Count);
    }

    private sealed record DayRow
    {
        public DateOnly DueOn { get; init; }
        public int Count { get; init; }
    }

    private sealed record TaskRow
    {
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string Office { get; init; } = "";
        public string Item { get; init; } = "";
        public DateOnly DueOn { get; init; }
        public bool Done { get; init; }
        public int Evidence { get; init; }

        public BoardTask ToTask(DateOnly today) =>
            new(Code, Title, Office, Item, DueOn, Done, Evidence, Done || DueOn >= today ? 0 : today.DayNumber - DueOn.DayNumber);
    }
}
