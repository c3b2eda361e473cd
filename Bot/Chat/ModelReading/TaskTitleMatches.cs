using CampaignBot.Understanding;
using CampaignBot.Data;
using Dapper;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// Open tasks whose titles the message quotes in part (献血活动那个 → T022 无偿献血活动): the codes "near"
/// a message that names no code, which the model may then use. Two characters in common make a pair;
/// a task needs two of the message's pairs in its title, so 活动 or 照片 alone match nothing. One scan
/// of the open tasks (about half a second at 100,000 on a busy two-core machine, milliseconds at a few
/// thousand), only for a miss naming no code, and inside the model's timeout.
/// </summary>
public sealed class TaskTitleMatches(LedgerDatabase database)
{
    public const int MaxTasks = 5;

    private const int MaxPairs = 24;

    public async Task<IReadOnlyList<CandidateTask>> NearAsync(string message, CancellationToken cancellationToken)
    {
        var text = TextNormalizer.Normalize(message).Text;
        var pairs = Enumerable.Range(0, Math.Max(0, text.Length - 1))
            .Select(i => text.Substring(i, 2))
            .Where(p => p.All(TextNormalizer.IsChinese))
            .Distinct()
            .Take(MaxPairs)
            .ToList();
        if (pairs.Count < 2)
        {
            return [];
        }

        var parameters = new DynamicParameters();
        for (var i = 0; i < pairs.Count; i++)
        {
            parameters.Add("p" + i, pairs[i]);
        }

        // The score is how many of the pairs the title holds (instr is 0 or a position); one pass over the open tasks.
        var score = string.Join(" + ", pairs.Select((_, i) => $"(instr(title, @p{i}) > 0)"));
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, string Title, long Score)>(new CommandDefinition(
            $"SELECT * FROM (SELECT code, title, {score} AS score FROM task WHERE status = 'open') WHERE score >= 2 ORDER BY score DESC, code LIMIT {MaxTasks}",
            parameters,
            cancellationToken: cancellationToken));
        return rows.Select(r => new CandidateTask(r.Code, r.Title)).ToList();
    }
}
