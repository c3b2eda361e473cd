using CampaignBot.Board;
using CampaignBot.Data;
using Dapper;

namespace CampaignBot.Board;

/// <summary>
/// The progress board's numbers, counted by SQLite: per-office and per-item aggregates (GROUP BY),
/// the overdue and next-14-days lists with their full counts but only their first rows, and one
/// chosen item's first tasks. Before, the page got every task and counted in the browser: 22 MB
/// and 2 s at 100,000 tasks; measured now in bench/ (`--only board`) and docs/board.md.
/// </summary>
public sealed class BoardRepository(LedgerDatabase database)
{
    /// <summary>An evaluation item as the board groups it; imports store it trimmed, blanks are "no item".</summary>
    private const string ItemOf = "CASE WHEN trim(t.evaluation_item) = '' THEN @NoItem ELSE trim(t.evaluation_item) END";

    /// <remarks>
    /// The tasks the filter keeps. For one office the set starts from that office's tasks (as lead or
    /// helping office), as TaskRepository's scoped reads do, so it costs what the office holds.
    /// </remarks>
    private static string Shown(BoardFilter filter) => $"""
        WITH shown AS (
            SELECT t.id, t.code, t.title, t.lead_office_id, t.due_on, t.status, {ItemOf} AS item
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

    private const string ItemAggregates = """
        SELECT s.item, count(*) AS total, sum(s.status = 'done') AS done,
               sum(EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = s.id AND e.withdrawn_at IS NULL)) AS with_evidence
        FROM shown s GROUP BY s.item;

        """;

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

    /// <remarks>One item's tasks, those without evidence first: asked for when the page opens an item.</remarks>
    private static string ItemTasks => $"""
        SELECT {TaskColumns} FROM shown s JOIN office o ON o.id = s.lead_office_id
        ORDER BY EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = s.id AND e.withdrawn_at IS NULL), s.code LIMIT @Limit;

        """;

    private const string ItemChoices = $"SELECT DISTINCT {ItemOf} FROM task t;";

    private const string OfficeChoices = "SELECT id, name FROM office ORDER BY id;";

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
        List<ItemRow> itemRows;
        List<DayRow> days;
        int overdueCount;
        List<TaskRow> overdue, nextDays;
        await using (var reader = await connection.QueryMultipleAsync(new CommandDefinition(
            // Each statement names the filtered set again: a WITH clause belongs to one statement.
            string.Concat(new[] { Aggregates, ItemAggregates, Days, OverdueCount, OverdueList, NextDaysList }.Select(statement => shown + statement)),
            parameters, cancellationToken: cancellationToken)))
        {
            offices = (await reader.ReadAsync<OfficeRow>()).AsList();
            itemRows = (await reader.ReadAsync<ItemRow>()).AsList();
            days = (await reader.ReadAsync<DayRow>()).AsList();
            overdueCount = await reader.ReadSingleAsync<int>();
            overdue = (await reader.ReadAsync<TaskRow>()).AsList();
            nextDays = (await reader.ReadAsync<TaskRow>()).AsList();
        }

        var listedItems = itemRows
            .OrderByDescending(i => i.Total - i.WithEvidence).ThenBy(i => i.Item, StringComparer.Ordinal)
            .Take(BoardData.ItemLimit).ToList();
        var itemTasks = filter.Item is null ? null : (await connection.QueryAsync<TaskRow>(new CommandDefinition(
            shown + ItemTasks, parameters, cancellationToken: cancellationToken))).Select(t => t.ToTask(today)).ToList();

        // The item filter's choices are every item of the ledger: unfiltered, the aggregate already named them all.
        var allItems = (filter == BoardFilter.All
            ? itemRows.Select(i => i.Item)
            : await connection.QueryAsync<string>(new CommandDefinition(ItemChoices, parameters, cancellationToken: cancellationToken)))
            .Order(StringComparer.Ordinal).ToList();
        var allOffices = (await connection.QueryAsync<(long, string)>(new CommandDefinition(OfficeChoices, cancellationToken: cancellationToken))).AsList();

        var lines = offices.Select(o => new OfficeLine(o.OfficeId, o.Office, o.Total, o.Done, o.DueSoFar, o.Overdue)).ToList();
        var perDay = Enumerable.Range(0, BoardSnapshot.DaysAhead).Select(d => days.Where(x => x.DueOn == today.AddDays(d)).Sum(x => x.Count)).ToList();
        return new BoardData(
            today,
            new BoardTotals(lines.Sum(l => l.Total), lines.Sum(l => l.Done), lines.Sum(l => l.DueSoFar), lines.Sum(l => l.Overdue)),
            lines,
            new BoardList(overdueCount, overdue.Select(t => t.ToTask(today)).ToList()),
            new BoardList(perDay.Sum(), nextDays.Select(t => t.ToTask(today)).ToList()),
            perDay,
            itemRows.Count,
            listedItems.Select(i => new ItemSummary(i.Item, i.Total, i.Done, i.WithEvidence, itemTasks is null ? null : new BoardList(i.Total, itemTasks))).ToList(),
            allItems,
            allOffices);
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

    private sealed record ItemRow
    {
        public string Item { get; init; } = "";
        public int Total { get; init; }
        public int Done { get; init; }
        public int WithEvidence { get; init; }
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
