using System.Data.Common;
using CampaignBot.Data;
using Dapper;

namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>
/// The board's filter choices, evaluation items and offices: the most used ones, listed with the
/// board (<see cref="ListLimit"/>, with their count), and any one found by search (a part of its
/// name, <see cref="SearchLimit"/> at most). Before, every distinct item came with every load:
/// 1.31 MB at 100,000 items.
/// </summary>
public sealed class BoardChoices(LedgerDatabase database)
{
    /// <summary>Choices of each filter sent with the board, most used first.</summary>
    public const int ListLimit = 100;

    /// <summary>Most choices one search answers.</summary>
    public const int SearchLimit = 50;

    /// <summary>Longest text searched for: a name, not a document.</summary>
    public const int MaxQueryLength = 100;

    /// <remarks>
    /// A part of the name, any case for Latin letters (SQLite's lower() folds ASCII only, and Chinese
    /// has no case); instr, not LIKE, so % and _ in what is typed are plain characters.
    /// </remarks>
    private const string Matches = "(@Query IS NULL OR instr(lower(name), lower(@Query)) > 0)";

    private const string Items = $"""
        WITH used AS (SELECT {BoardRepository.ItemOf} AS name, count(*) AS uses FROM task t GROUP BY 1)
        SELECT count(*) FROM used WHERE {Matches};
        WITH used AS (SELECT {BoardRepository.ItemOf} AS name, count(*) AS uses FROM task t GROUP BY 1)
        SELECT name FROM used WHERE {Matches} ORDER BY uses DESC, name LIMIT @Limit;
        """;

    /// <remarks>An office's use: the tasks it leads (counted through the lead office index).</remarks>
    private const string Offices = $"""
        SELECT count(*) FROM office WHERE {Matches};
        SELECT id, name FROM office o WHERE {Matches}
        ORDER BY (SELECT count(*) FROM task t WHERE t.lead_office_id = o.id) DESC, o.id LIMIT @Limit;
        """;

    /// <summary>The items matching <paramref name="query"/> (all if null), most used first, and how many match.</summary>
    public async Task<FilterChoices<string>> ItemsAsync(string? query, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ItemsAsync(connection, query, limit, cancellationToken);
    }

    /// <summary>The offices matching <paramref name="query"/> (all if null), those leading most tasks first, and how many match.</summary>
    public async Task<FilterChoices<OfficeChoice>> OfficesAsync(string? query, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await OfficesAsync(connection, query, limit, cancellationToken);
    }

    internal static async Task<FilterChoices<string>> ItemsAsync(DbConnection connection, string? query, int limit, CancellationToken cancellationToken)
    {
        await using var reader = await connection.QueryMultipleAsync(new CommandDefinition(
            Items, new { Query = query, Limit = limit, NoItem = BoardSnapshot.NoItem }, cancellationToken: cancellationToken));
        var count = await reader.ReadSingleAsync<int>();
        return new FilterChoices<string>(count, (await reader.ReadAsync<string>()).AsList());
    }

    internal static async Task<FilterChoices<OfficeChoice>> OfficesAsync(DbConnection connection, string? query, int limit, CancellationToken cancellationToken)
    {
        await using var reader = await connection.QueryMultipleAsync(new CommandDefinition(
            Offices, new { Query = query, Limit = limit }, cancellationToken: cancellationToken));
        var count = await reader.ReadSingleAsync<int>();
        return new FilterChoices<OfficeChoice>(count, (await reader.ReadAsync<(long Id, string Name)>()).Select(o => new OfficeChoice(o.Id, o.Name)).ToList());
    }
}
