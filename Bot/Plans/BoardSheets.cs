using CampaignBot.Board;
using CampaignBot.Ledger.ReadModels.Board;

namespace CampaignBot.Plans;

/// <summary>
/// The export's board sheets: 汇总 (the board's per-office and per-item numbers, with totals) and one
/// sheet per evaluation item listing its tasks, so that the inspection's evidence gaps can be worked
/// through item by item. Import ignores these sheets.
/// </summary>
public static class BoardSheets
{
    public const string SummarySheet = "汇总";

    /// <summary>Excel's limit for a sheet name, and the characters it refuses in one.</summary>
    private const int MaxSheetName = 31;
    private static readonly char[] Refused = ['[', ']', ':', '*', '?', '/', '\\'];

    public static IEnumerable<KeyValuePair<string, List<Dictionary<string, object?>>>> From(BoardSnapshot board, IEnumerable<string> takenNames)
    {
        var taken = new HashSet<string>(takenNames, StringComparer.OrdinalIgnoreCase) { SummarySheet };
        yield return new(SummarySheet, Summary(board));
        foreach (var item in board.Items)
        {
            yield return new(UniqueName(item.Item, taken), item.Tasks.Select(TaskRow).ToList());
        }
    }

    private static List<Dictionary<string, object?>> Summary(BoardSnapshot board)
    {
        var rows = board.Offices.Select(o => Row("单位", o.Office, o.Total, o.Done, o.DueSoFar, o.Overdue, null, null)).ToList();
        rows.Add(Row("合计", "全部单位", board.Offices.Sum(o => o.Total), board.Offices.Sum(o => o.Done),
            board.Offices.Sum(o => o.DueSoFar), board.Offices.Sum(o => o.Overdue), board.Items.Sum(i => i.WithEvidence), board.Items.Sum(i => i.EvidenceGaps)));
        rows.AddRange(board.Items.Select(i => Row("测评项目", i.Item, i.Total, i.Done,
            i.Tasks.Count(t => t.DueOn <= board.Today), i.Tasks.Count(t => t.DaysLate > 0), i.WithEvidence, i.EvidenceGaps)));
        return rows;
    }

    /// <remarks>缺佐证 counts the tasks due by today (or done) with no evidence, as the board does: a task not yet due is no gap.</remarks>
    private static Dictionary<string, object?> Row(string kind, string name, int total, int done, int dueSoFar, int overdue, int? withEvidence, int? missing) => new()
    {
        ["类别"] = kind,
        ["名称"] = name,
        ["任务数"] = total,
        ["已完成"] = done,
        ["应完成"] = dueSoFar,
        ["逾期"] = overdue,
        ["有佐证"] = withEvidence,
        ["缺佐证"] = missing,
    };

    private static Dictionary<string, object?> TaskRow(BoardTask task) => new()
    {
        [PlanColumns.Code] = task.Code,
        [PlanColumns.Title] = task.Title,
        [PlanColumns.LeadOffice] = task.Office,
        [PlanColumns.DueOn] = task.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [PlanColumns.Status] = task.Done ? "已完成" : task.DaysLate > 0 ? "逾期" : "进行中",
        [PlanColumns.EvidenceCount] = task.Evidence,
    };

    private static string UniqueName(string item, HashSet<string> taken)
    {
        var clean = new string(item.Select(c => Refused.Contains(c) ? '_' : c).ToArray()).Trim('\'', ' ');
        var name = clean.Length == 0 ? "测评项目" : clean[..Math.Min(clean.Length, MaxSheetName)];
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $"({n})";
            name = clean[..Math.Min(clean.Length, MaxSheetName - suffix.Length)] + suffix;
        }

        return name;
    }
}
