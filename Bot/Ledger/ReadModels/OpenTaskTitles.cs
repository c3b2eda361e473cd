using CampaignBot.Data;
using Dapper;

namespace CampaignBot.Ledger.ReadModels;

/// <summary>
/// Open tasks whose titles hold at least two of the given two-character pairs, best first: one pass
/// over the open tasks (Chat/ModelReading/TaskTitleMatches makes the pairs from a message).
/// </summary>
public sealed class OpenTaskTitles(LedgerDatabase database)
{
    public async Task<IReadOnlyList<(string Code, string Title)>> HoldingPairsAsync(IReadOnlyList<string> pairs, int limit, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        for (var i = 0; i < pairs.Count; i++)
        {
            parameters.Add("p" + i, pairs[i]);
        }

        // The score is how many of the pairs the title holds (instr is 0 or a position).
        var score = string.Join(" + ", pairs.Select((_, i) => $"(instr(title, @p{i}) > 0)"));
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string Code, string Title, long Score)>(new CommandDefinition(
                $"SELECT * FROM (SELECT code, title, {score} AS score FROM task WHERE status = 'open') WHERE score >= 2 ORDER BY score DESC, code LIMIT {limit}",
                parameters,
                cancellationToken: cancellationToken)))
            .Select(r => (r.Code, r.Title))
            .ToList();
    }
}
