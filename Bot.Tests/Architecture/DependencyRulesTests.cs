using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Understanding;
using Xunit.Abstractions;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace CampaignBot.Tests.Architecture;

/// <summary>
/// The dependency rules, checked on the compiled assemblies (as Quartz.NET checks its own
/// conventions): a failure names the types that break a rule.
/// </summary>
public class DependencyRulesTests(ITestOutputHelper output)
{
    private static readonly System.Reflection.Assembly BotAssembly = typeof(Program).Assembly;
    private static readonly System.Reflection.Assembly SchedulingAssembly = typeof(ReminderPlanner).Assembly;
    private static readonly System.Reflection.Assembly UnderstandingAssembly = typeof(MessageUnderstanding).Assembly;

    private static readonly ArchUnitNET.Domain.Architecture Loaded = new ArchLoader().LoadAssemblies(BotAssembly, SchedulingAssembly, UnderstandingAssembly).Build();

    /// <summary>The pure projects: what is due when (scheduling) and what a message asks for (understanding).</summary>
    public static TheoryData<string> PureProjects => ["scheduling", "understanding"];

    [Theory]
    [MemberData(nameof(PureProjects))]
    public void PureProject_ReferencesNoBotSqliteDapperOrBotFrameworkType(string project)
    {
        var assembly = project == "scheduling" ? SchedulingAssembly : UnderstandingAssembly;
        // Types(true): the forbidden types include those of assemblies not loaded here (SQLite, Dapper, the Bot
        // Framework), which Types() alone leaves out, so that the rule could not fail for them.
        Types().That().ResideInAssembly(assembly)
            .Should().NotDependOnAny(Types(true).That().ResideInAssembly(BotAssembly)
                .Or().ResideInNamespaceMatching(@"^Microsoft\.Data\.Sqlite(\..*)?$")
                .Or().ResideInNamespaceMatching(@"^Dapper(\..*)?$")
                .Or().ResideInNamespaceMatching(@"^Microsoft\.Bot(\..*)?$"))
            .Check(Loaded);
    }

    [Fact]
    public void LedgerAndData_ReferenceNothingInChatBotsOrDirectLine()
    {
        Types().That().ResideInNamespaceMatching(@"^CampaignBot\.(Ledger|Data)(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^CampaignBot\.(Chat|Bots|DirectLine)(\..*)?$"))
            .Check(Loaded);
    }

    [Fact]
    public void TopLevelFoldersOfBot_DependOnEachOtherWithoutCycles()
    {
        var botTypes = Loaded.Types.Where(t => t.Assembly.FullName == BotAssembly.FullName).ToList();
        var graph = FolderGraph.Of(botTypes);
        output.WriteLine("Folder graph:\n" + string.Join("\n", graph.Edges));

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Folders of Bot/ that depend on each other in a circle:\n" + string.Join("\n", cycles));
    }

    /// <summary>
    /// The folders from the bottom up, as docs/ARCHITECTURE.md lists them: a folder uses only folders
    /// of its own row or rows above. A new folder must be placed here (and in the document).
    /// </summary>
    private static readonly string[][] Layers =
    [
        ["Telemetry"],
        ["Security"],
        ["Data"],
        ["Outbox"],
        ["Ledger"],
        ["Reminders", "Robots"],
        ["EvidenceFiles"],
        ["Chat"],
        ["Bots"],
        ["DirectLine", "DingTalk", "WeCom"],
        ["Board"],
        ["Plans"],
        ["Backups"],
        ["Seeding", "Operator", "Hosting"],
    ];

    [Fact]
    public void TopLevelFoldersOfBot_UseOnlyTheLayersBelowThem_AsTheArchitectureDocumentSays()
    {
        var graph = FolderGraph.Of(Loaded.Types.Where(t => t.Assembly.FullName == BotAssembly.FullName));
        var layerOf = Layers.SelectMany((row, i) => row.Select(folder => (folder, i))).ToDictionary(p => p.folder, p => p.i);

        Assert.Empty(graph.Folders.Where(f => !layerOf.ContainsKey(f)).Select(f => $"{f}: not placed in a layer"));
        Assert.Empty(graph.Dependencies.Where(d => layerOf[d.To] > layerOf[d.From]).Select(d => $"{d.From} -> {d.To}: {d.Why}"));
    }
}
