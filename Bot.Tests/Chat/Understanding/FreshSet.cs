using System.Text;
using CampaignBot.Chat;
using CampaignBot.Understanding.Commands;
using CampaignBot.Understanding;
using CampaignBot.Ledger;
using CampaignBot.Plans;
using CampaignBot.Seeding;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>
/// A fresh set (Chat/Understanding/fresh/NAME): lines.tsv (ledger, kind, keep, message, expected),
/// and the other campaign's plan the writer made up (plan.csv, offices.csv, people.csv). Its
/// "today" is the day it was written for; the sample ledger is the sample as seeded that day
/// (fresh/sample-ledger.csv, the export the writers were given).
/// </summary>
public sealed class FreshSet
{
    public static readonly DateOnly Today = new(2026, 12, 2);

    private FreshSet(string name, IReadOnlyList<FreshLine> lines, LedgerNames sample, LedgerNames own, IReadOnlyDictionary<string, DateOnly> deadlines)
    {
        Name = name;
        Lines = lines;
        SampleNames = sample;
        OwnNames = own;
        this.deadlines = deadlines;
    }

    private readonly IReadOnlyDictionary<string, DateOnly> deadlines;

    /// <summary>A task's deadline in either ledger, for an extension read as "a week later".</summary>
    public DateOnly? DueOn(string code) => deadlines.TryGetValue(code, out var due) ? due : null;

    public string Name { get; }
    public IReadOnlyList<FreshLine> Lines { get; }
    public LedgerNames SampleNames { get; }
    public LedgerNames OwnNames { get; }

    /// <summary>The fresh sets checked in (fresh/set1, fresh/set2, …).</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, "Chat", "Understanding", "fresh"))
            ? Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Chat", "Understanding", "fresh")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Chat", "Understanding", "fresh", name);

    public static FreshSet Load(string name)
    {
        var folder = Folder(name);
        var lines = File.ReadAllLines(Path.Combine(folder, "lines.tsv"), Encoding.UTF8)
            .Select((line, i) => (cells: line.Split('\t'), number: i + 1))
            .Where(l => l.cells.Length == 5 && !l.cells[0].StartsWith('#'))
            .Select(l => new FreshLine(l.number, l.cells[0].Trim(), l.cells[1].Trim(), l.cells[2].Trim() == "1", l.cells[3].Trim(),
                l.cells[4].Split(" || ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        var sampleExport = Path.Combine(folder, "..", "sample-ledger.csv");
        var deadlines = new[] { sampleExport, Path.Combine(folder, "plan.csv") }
            .SelectMany(path => PlanFileReader.Read(path, new ImportLimits()).Tasks)
            .Where(r => DateOnly.TryParse(r.Text(PlanColumns.DueOn), System.Globalization.CultureInfo.InvariantCulture, out _))
            .GroupBy(r => r.Text(PlanColumns.Code), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => DateOnly.Parse(g.First().Text(PlanColumns.DueOn), System.Globalization.CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
        return new FreshSet(name, lines, SampleLedger(sampleExport), OwnLedger(folder), deadlines);
    }

    public ChatCommand Understand(FreshLine line) =>
        MessageUnderstanding.Understand(line.Text, Today, ReplyLanguage.Chinese, line.Ledger == "own" ? OwnNames : SampleNames);

    /// <summary>The sample as seeded on <see cref="Today"/>: its export on that day (sample-ledger.csv) is what the writers saw.</summary>
    private static LedgerNames SampleLedger(string export) => new(
        NamedOffices.Of(SampleCampaign.Offices.Select(o => new Office { Name = o.Name, Aliases = o.Aliases, Kind = o.Kind })),
        SampleCampaign.People.Select(p => p.Name),
        PlanFileReader.Read(export, new ImportLimits()).Tasks.Select(r => r.Text(PlanColumns.Code)));

    /// <summary>The writer's own campaign: offices with the short names people use, people, and the plan's task codes.</summary>
    private static LedgerNames OwnLedger(string folder)
    {
        var offices = Csv(Path.Combine(folder, "offices.csv"))
            .Select(r => new Office { Name = r[0], Aliases = r.Length > 1 ? r[1].Replace('、', ',') : "" })
            .ToList();
        var people = Csv(Path.Combine(folder, "people.csv")).Select(r => r[0]).ToList();
        var plan = PlanFileReader.Read(Path.Combine(folder, "plan.csv"), new ImportLimits());
        people.AddRange(plan.Tasks.Select(r => r.Text(PlanColumns.Owner)).Where(n => n.Length > 0));
        return new LedgerNames(NamedOffices.Of(offices), people.Distinct(), plan.Tasks.Select(r => r.Text(PlanColumns.Code)));
    }

    private static IEnumerable<string[]> Csv(string path) =>
        File.ReadAllLines(path, Encoding.UTF8).Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Split(',').Select(c => c.Trim()).ToArray());
}
