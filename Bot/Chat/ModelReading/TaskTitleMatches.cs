using CampaignBot.Understanding;
using CampaignBot.Ledger.ReadModels;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// Open tasks whose titles the message quotes in part (献血活动那个 → T022 无偿献血活动): the codes "near"
/// a message that names no code, which the model may then use. Two characters in common make a pair;
/// a task needs two of the message's pairs in its title, so 活动 or 照片 alone match nothing. One scan
/// of the open tasks (<see cref="OpenTaskTitles"/>) (about half a second at 100,000 on a busy two-core machine, milliseconds at a few
/// thousand), only for a miss naming no code, and inside the model's timeout.
/// </summary>
public sealed class TaskTitleMatches(OpenTaskTitles titles)
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

        var rows = await titles.HoldingPairsAsync(pairs, MaxTasks, cancellationToken);
        return rows.Select(r => new CandidateTask(r.Code, r.Title)).ToList();
    }
}
