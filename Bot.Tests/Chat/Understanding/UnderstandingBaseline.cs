using System.Text;
using CampaignBot.Understanding.Commands;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>
/// Every labelled line the reader understands today (corpus.txt and each fresh set), checked in as
/// baseline.txt: a line that passes today may not fail tomorrow. Lines that still fail are not in it;
/// when a change teaches the reader one, writing the baseline again (UNDERSTANDING_BASELINE=write)
/// records it, and the diff shows exactly which lines were gained.
/// </summary>
public static class UnderstandingBaseline
{
    public const string FileName = "baseline.txt";

    public sealed record Result(string Key, bool Passes, string Expected, string Got);

    /// <summary>Every labelled line, its key (source, then the message as written) and whether it is understood now.</summary>
    public static IReadOnlyList<Result> Now()
    {
        var results = Corpus.Lines.Select(l =>
        {
            var got = Corpus.Understand(l.Text);
            return new Result($"corpus\t{l.Text}", Corpus.Descriptions(got).Contains(l.Expected), l.Expected, Corpus.Describe(got));
        }).ToList();
        foreach (var name in FreshSet.Names())
        {
            var set = FreshSet.Load(name);
            results.AddRange(set.Lines.Select(l =>
            {
                var got = set.Understand(l);
                return new Result($"{name}\t{l.Ledger}\t{l.Text}", Corpus.Descriptions(got, set.DueOn).Any(l.Accepts), string.Join(" || ", l.Expected), Corpus.Describe(got));
            }));
        }

        return results;
    }

    public static string SourcePath => Path.Combine(Support.RepositoryRoot.Path, "Bot.Tests", "Chat", "Understanding", FileName);

    public static HashSet<string> Read() =>
        File.Exists(SourcePath) ? File.ReadAllLines(SourcePath, Encoding.UTF8).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal) : [];

    public static void Write(IEnumerable<Result> results) =>
        File.WriteAllLines(SourcePath,
            new[] { "# Lines the reader understands (source, [ledger,] message): none may fail later. UNDERSTANDING_BASELINE=write rewrites it from what passes now." }
                .Concat(results.Where(r => r.Passes).Select(r => r.Key).Distinct().Order(StringComparer.Ordinal)),
            new UTF8Encoding(false));
}
