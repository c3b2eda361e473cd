using CampaignBot.Understanding.Commands;
using Xunit.Abstractions;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>
/// The labelled corpus (corpus.txt): how office staff write, and what each message must produce.
/// Prints accuracy per intent and every confusion; fails on any message that must change nothing
/// and would, and on any line of the checked-in baseline (baseline.txt) that no longer passes.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_IsLargeEnoughAndCoversEveryCommand()
    {
        var lines = Corpus.Lines;
        Assert.True(lines.Count(l => l.IsChinese) >= 300, $"{lines.Count(l => l.IsChinese)} Chinese utterances");
        Assert.True(lines.Count(l => !l.IsChinese) >= 100, $"{lines.Count(l => !l.IsChinese)} English utterances");

        // Every command the bot has, by the name the corpus gives it.
        string[] intents = ["help", "whoami", "progress", "mine", "robots", "unbind", "subscribe", "unsubscribe", "due", "overdue", "office",
            "detail", "done", "reopen", "extend", "approve", "reject", "reassign", "snooze", "bind", "link", "robot", "ask", "unknown"];
        Assert.Empty(intents.Except(lines.Select(l => l.Intent)));
        Assert.True(lines.Count(l => l.MustChangeNothing) >= 50);
    }

    [Fact]
    public void Corpus_IsUnderstood()
    {
        var results = Corpus.Lines.Select(line => (line, got: Corpus.Understand(line.Text))).ToList();
        var wrong = results.Where(r => !Corpus.Descriptions(r.got).Contains(r.line.Expected)).ToList();

        output.WriteLine($"{results.Count} utterances ({Corpus.Lines.Count(l => l.IsChinese)} Chinese, {Corpus.Lines.Count(l => !l.IsChinese)} English, {Corpus.Lines.Count(l => l.MustChangeNothing)} must change nothing)");
        var accuracy = 1.0 - (double)wrong.Count / results.Count;
        output.WriteLine($"overall: {results.Count - wrong.Count}/{results.Count} = {accuracy:P1}");
        foreach (var group in results.GroupBy(r => r.line.Intent).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var right = group.Count(r => Corpus.Descriptions(r.got).Contains(r.line.Expected));
            output.WriteLine($"  {group.Key,-12} {right,3}/{group.Count(),-3} {(double)right / group.Count():P0}");
        }

        output.WriteLine("confusions (expected intent -> understood intent: count):");
        foreach (var confusion in wrong.GroupBy(r => (r.line.Intent, Got: Corpus.Describe(r.got).Split(' ')[0])).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {confusion.Key.Intent} -> {confusion.Key.Got}: {confusion.Count()}");
        }

        foreach (var (line, got) in wrong)
        {
            output.WriteLine($"  line {line.Number}: {line.Text}  =>  expected [{line.Expected}], got [{Corpus.Describe(got)}]");
        }

        var changed = results.Where(r => r.line.MustChangeNothing && Corpus.Changes(r.got)).ToList();
        Assert.True(changed.Count == 0, "changed what must not be changed: " + string.Join("; ", changed.Select(r => $"{r.line.Text} => {Corpus.Describe(r.got)}")));
    }

    /// <summary>
    /// No line that passed when the baseline was written may fail now (corpus and fresh sets). The
    /// baseline is rewritten with UNDERSTANDING_BASELINE=write, after a change that teaches new lines.
    /// </summary>
    [Fact]
    public void Baseline_NoLineThatPassedFailsNow()
    {
        var now = UnderstandingBaseline.Now();
        if (Environment.GetEnvironmentVariable("UNDERSTANDING_BASELINE") == "write")
        {
            UnderstandingBaseline.Write(now);
        }

        var baseline = UnderstandingBaseline.Read();
        var lost = now.Where(r => baseline.Contains(r.Key) && !r.Passes).ToList();
        var gained = now.Where(r => r.Passes && !baseline.Contains(r.Key)).ToList();
        output.WriteLine($"{now.Count(r => r.Passes)}/{now.Count} lines pass; baseline {baseline.Count}; {gained.Count} passing lines not yet in it (UNDERSTANDING_BASELINE=write records them)");
        foreach (var r in lost)
        {
            output.WriteLine($"  LOST {r.Key.Replace('\t', ' ')}  =>  expected [{r.Expected}], got [{r.Got}]");
        }

        Assert.True(baseline.Count >= 1000, $"the baseline holds {baseline.Count} lines: is {UnderstandingBaseline.FileName} there?");
        Assert.True(lost.Count == 0, $"{lost.Count} line(s) of the baseline no longer understood: " + string.Join("; ", lost.Take(10).Select(r => $"{r.Key.Replace('\t', ' ')} => {r.Got}")));
    }

    [Fact]
    public void MustChangeNothing_NeverChanges()
    {
        foreach (var line in Corpus.Lines.Where(l => l.MustChangeNothing))
        {
            var command = Corpus.Understand(line.Text);
            Assert.False(Corpus.Changes(command), $"{line.Text} => {Corpus.Describe(command)}");
        }
    }
}
