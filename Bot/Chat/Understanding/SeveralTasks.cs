using System.Text;
using CampaignBot.Chat.Parsing;

namespace CampaignBot.Chat.Understanding;

/// <summary>
/// A message naming several tasks is read part by part: each clause that names tasks starts a part,
/// clauses without one stay with the part before (a lead-in such as 李明说 with the first). A part
/// naming several tasks in one clause (T014 和 T024 都弄完了) says the same of each. Each task gets its
/// own command; a part that only mentions a task beside a change elsewhere (T022 还没) is left out.
/// </summary>
public static class SeveralTasks
{
    private static readonly char[] PartEnds = ['，', ',', '。', '；', ';', '！', '!', '？', '?', '\n'];

    /// <summary>The parts' commands, or null when the message names fewer than two tasks.</summary>
    public static ChatCommand? Read(Findings f, Func<string, ChatCommand> understandOne)
    {
        var codes = f.Codes.Select(c => (c.Code, Start: c.End - c.Code.Length, c.End)).ToList();
        if (codes.Select(c => c.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
        {
            return null;
        }

        var parts = Parts(f.Source, codes.Select(c => (c.Start, c.End)).ToList());
        var commands = new List<(ChatCommand Command, bool Asked)>();
        foreach (var (from, to) in parts)
        {
            var inPart = codes.Where(c => c.Start >= from && c.End <= to).ToList();
            foreach (var code in inPart.DistinctBy(c => c.Code, StringComparer.OrdinalIgnoreCase))
            {
                // The part as if it named only this task: the others blanked, so that one reading applies to each.
                var text = new StringBuilder(f.Source[from..to]);
                foreach (var other in inPart.Where(o => o.Start != code.Start))
                {
                    for (var i = other.Start; i < other.End; i++)
                    {
                        text[i - from] = ' ';
                    }
                }

                var command = understandOne(text.ToString());
                commands.Add((command, command is OfferCommand || AsksSomething(text.ToString())));
            }
        }

        var changes = commands.Where(c => IsChange(c.Command)).ToList();
        var kept = changes.Count > 0
            ? commands.Where(c => IsChange(c.Command) || (c.Asked && c.Command is not OfferCommand) || c.Command is OfferCommand { Answer: not DetailCommand }).ToList()
            : commands.Where(c => c.Command is not UnknownCommand).ToList();
        return kept.Count switch
        {
            0 => null,
            1 => kept[0].Command,
            _ => new SeveralCommand(kept.Select(c => c.Command).ToList(), f.Language),
        };
    }

    private static bool IsChange(ChatCommand command) => command is DoneCommand or ReopenCommand or ExtendCommand or ReassignCommand or SnoozeCommand or AddEvidenceCommand;

    private static bool AsksSomething(string part) =>
        part.Contains('?') || part.Contains('？') || part.Contains('吗') || part.Contains('谁') || part.Contains("什么") || part.Contains('啥') || part.Contains("查看") || part.Contains("详情")
        || part.Contains("看下") || part.Contains("看看") || part.Contains("呢");

    /// <summary>Each clause with a task starts a part; a clause without one joins the part before, or the first.</summary>
    private static List<(int From, int To)> Parts(string source, List<(int Start, int End)> codes)
    {
        var clauses = new List<(int From, int To)>();
        var start = 0;
        for (var i = 0; i <= source.Length; i++)
        {
            var inCode = codes.Any(c => i >= c.Start && i < c.End);
            if (i == source.Length || (!inCode && (Array.IndexOf(PartEnds, source[i]) >= 0 || (source[i] == '.' && (i + 1 == source.Length || source[i + 1] == ' ')))))
            {
                if (i > start)
                {
                    clauses.Add((start, i));
                }

                start = i + 1;
            }
        }

        var parts = new List<(int From, int To)>();
        foreach (var clause in clauses)
        {
            var hasCode = codes.Any(c => c.Start >= clause.From && c.End <= clause.To);
            if (hasCode && (parts.Count > 0 && codes.Any(c => c.Start >= parts[^1].From && c.End <= parts[^1].To)))
            {
                parts.Add(clause);
            }
            else if (parts.Count == 0)
            {
                parts.Add(clause);
            }
            else
            {
                parts[^1] = (parts[^1].From, clause.To);
            }
        }

        return parts;
    }
}
