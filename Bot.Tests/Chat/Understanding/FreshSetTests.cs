using Xunit.Abstractions;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>
/// Fresh sets (Chat/Understanding/fresh/): lines written by someone who had seen neither the corpus
/// nor the code, scored as written. Prints the score by kind and every miss; fails on any line that
/// must change nothing and would.
/// </summary>
public class FreshSetTests(ITestOutputHelper output)
{
    public static TheoryData<string> Sets() => new(FreshSet.Names());

    /// <summary>Right when one true description of the reply (<see cref="Corpus.Descriptions"/>) is what the writer expected.</summary>
    private static bool Accepted(FreshSet set, FreshLine line, CampaignBot.Understanding.Commands.ChatCommand command) =>
        Corpus.Descriptions(command, set.DueOn).Any(line.Accepts);

    [Theory]
    [MemberData(nameof(Sets))]
    public void FreshSet_Score(string name)
    {
        var set = FreshSet.Load(name);
        var results = set.Lines.Select(line => (line, got: Corpus.Describe(set.Understand(line)), command: set.Understand(line))).ToList();
        var right = results.Count(r => Accepted(set, r.line, r.command));
        output.WriteLine($"{name}: {right}/{results.Count} = {(double)right / results.Count:P1} understood; {results.Count(r => r.line.MustChangeNothing)} must change nothing");
        foreach (var group in results.GroupBy(r => r.line.Ledger).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  ledger {group.Key,-8} {group.Count(r => Accepted(set, r.line, r.command)),3}/{group.Count()}");
        }

        foreach (var group in results.GroupBy(r => r.line.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key,-10} {group.Count(r => Accepted(set, r.line, r.command)),3}/{group.Count(),-3}");
        }

        var forbidden = results.Where(r => r.line.MustChangeNothing && Corpus.Changes(r.command)).ToList();
        output.WriteLine($"forbidden changes: {forbidden.Count}");
        foreach (var (line, got, _) in forbidden)
        {
            output.WriteLine($"  FORBIDDEN {line.Number} [{line.Kind}] {line.Text}  =>  {got}");
        }

        output.WriteLine("misses:");
        foreach (var (line, got, _) in results.Where(r => !Accepted(set, r.line, r.command)))
        {
            output.WriteLine($"  {line.Number} [{line.Ledger}/{line.Kind}{(line.MustChangeNothing ? "/keep" : "")}] {line.Text}  =>  expected [{string.Join(" || ", line.Expected)}], got [{got}]");
        }

        Assert.Empty(forbidden.Select(f => f.line.Text));
    }
}
