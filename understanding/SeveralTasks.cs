using System.Text;
using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding;

/// <summary>
/// A message naming several tasks is read part by part: each clause that names tasks starts a part,
/// clauses without one stay with the part before (a lead-in such as 李明说 with the first). A part
/// naming several tasks in one clause (T014 和 T024 都弄完了) says the same of each. Each task gets its
/// own command; a part that only mentions a task beside a change elsewhere (T022 还没) is left out.
/// </summary>
public static partial class SeveralTasks
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
                // T016 done; T017 too / T015 isn't finished yet but T014 is / 不是T013完成了，是T014: the part before says it.
                if (!IsChange(command) && Ellipsis().IsMatch(text.ToString()) && commands.Count > 0 && Said(commands[^1].Command) is { } earlier)
                {
                    command = earlier with { Code = code.Code };
                }

                commands.Add((command, command is OfferCommand || AsksSomething(text.ToString())));
            }
        }

        // 张伟说T014完成了，T024也完成了, 如果T014完成了，T024也就完成了: what governs the whole message governs each part.
        if (WholeMessageWithholds(f))
        {
            commands = commands.Select(c => (IsChange(c.Command) ? SecondReading.Offer(c.Command) : c.Command, c.Asked)).ToList();
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

    private static readonly StatementReading[] Governing = [StatementReading.Hearsay, StatementReading.Conditional, StatementReading.CheckAsked, StatementReading.Quoted, StatementReading.Question];

    /// <summary>Any change word of the whole message read as someone else's words, a condition, a check, a quotation or a question.</summary>
    private static bool WholeMessageWithholds(Findings f) =>
        f.Cues.Where(c => c.Value is Cue.Done or Cue.WeakDone or Cue.Reopen or Cue.Extend or Cue.Reassign or Cue.Snooze or Cue.AddEvidence)
            .Any(c => Governing.Contains(StatementCheck.Read(f.Text, (c.Start, c.End), f.Opaque, isRequest: c.Value is not (Cue.Done or Cue.WeakDone))));

    /// <summary>The done the part before reported, or offered (its own denial is its own: "isn't finished yet but T014 is").</summary>
    private static DoneCommand? Said(ChatCommand command) => command switch
    {
        DoneCommand done => done with { Note = null },
        OfferCommand { Offers: [DoneCommand offered] } => offered with { Note = null },
        _ => null,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:是|也是|也|同样|一样)|\b(?:too|also|as well|is|was|as well)\b\s*[,.!]?\s*(?:$|,|pics|photos)|也(?:一样|是)?\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Ellipsis();

    private static bool IsChange(ChatCommand command) => ChangeCommands.IsChange(command);

    private static bool AsksSomething(string part) =>
        part.Contains('?') || part.Contains('？') || part.Contains('吗') || part.Contains('谁') || part.Contains("什么") || part.Contains('啥') || part.Contains("查看") || part.Contains("详情")
        || part.Contains("看下") || part.Contains("看看") || part.Contains("呢");

    /// <summary>
    /// A clause whose tasks each have their own words (1.1 ✅ 1.2 ✅ 1.6 还在公示期) splits at each task;
    /// tasks joined only by 和, 、 or "and" (T014 和 T024 都弄完了) share what follows.
    /// </summary>
    private static IEnumerable<(int From, int To)> ByCode(string source, (int From, int To) clause, List<(int Start, int End)> codes)
    {
        var inClause = codes.Where(c => c.Start >= clause.From && c.End <= clause.To).OrderBy(c => c.Start).ToList();
        var apart = inClause.Zip(inClause.Skip(1)).Any(pair => !Joins(source[pair.First.End..pair.Second.Start]));
        if (!apart)
        {
            yield return clause;
            yield break;
        }

        var from = clause.From;
        for (var i = 1; i < inClause.Count; i++)
        {
            yield return (from, inClause[i].Start);
            from = inClause[i].Start;
        }

        yield return (from, clause.To);
    }

    private static bool Joins(string between) =>
        JoinerWords().IsMatch(between);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:和|与|跟|及|以及|、|/|&|and|nor|or|,|，|还有)?\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex JoinerWords();

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
                // The closing mark stays with its clause: T014完成了？ is still a question when read alone.
                var end = i < source.Length ? i + 1 : i;
                if (end > start)
                {
                    clauses.Add((start, end));
                }

                start = end;
            }
        }

        var parts = new List<(int From, int To)>();
        foreach (var clause in clauses.SelectMany(c => ByCode(source, c, codes)))
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
