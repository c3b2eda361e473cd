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
    public void TopLevelFoldersOfBot_DependOnEachOtherWithoutCycles()
    {
        var botTypes = Loaded.Types.Where(t => t.Assembly.FullName == BotAssembly.FullName).ToList();
        var graph = FolderGraph.Of(botTypes);
        output.WriteLine("Folder graph:\n" + string.Join("\n", graph.Edges));

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Folders of Bot/ that depend on each other in a circle:\n" + string.Join("\n", cycles));
    }

    /// <summary>
    /// The layers of Bot/ from the bottom up, as docs/ARCHITECTURE.md lists them: a folder uses only
    /// folders of its own layer or the layers below (and the cycle test keeps each layer's folders
    /// from using each other in a circle). A new folder must be placed here (and in the document).
    /// </summary>
    internal static readonly (string Layer, string[] Folders)[] Layers =
    [
        // What every part stands on and that knows no campaign: the meter, who may call, which hosts
        // the bot may call and what may be kept (Security, with the channels' ids that decide whose
        // word an account is, and the hosts a group robot's webhook may be on), SQLite, and the
        // outbox's store.
        ("Foundation", ["Telemetry", "Security", "Data", "Outbox"]),
        // What the bot keeps and decides: the ledger and its decisions (adding a group robot among
        // them), and what persists beside it with no word of chat: snoozes and the holiday
        // calendar, the evidence files.
        ("Ledger", ["Ledger", "Reminders", "EvidenceFiles"]),
        // What the bot says: understanding, the use cases with their wording, outgoing composition
        // and the routing of what is sent to a channel.
        ("Conversation", ["Chat"]),
        // One folder per channel: receive, render, send. Bots is the Bot Framework channel and the
        // adapter every other channel's turns run through (see ChannelsShareOnlyTheBotFrameworkAdapter);
        // Robots sends only (the group robots' markdown and webhook post).
        ("Channels", ["Bots", "DirectLine", "DingTalk", "WeCom", "Robots"]),
        // What runs the service and serves people beside the chat: the board's pages (signed in
        // through Web Chat), plan import and export, backups, the sample campaign, the operator's
        // verbs, and the composition root.
        ("Host", ["Board", "Plans", "Backups", "Seeding", "Operator", "Hosting"]),
    ];

    /// <summary>The channel folder the others may use: the Bot Framework adapter and activity handler all turns go through.</summary>
    private const string SharedChannel = "Bots";

    private static FolderGraph BotFolders => FolderGraph.Of(Loaded.Types.Where(t => t.Assembly.FullName == BotAssembly.FullName));

    [Fact]
    public void TopLevelFoldersOfBot_UseOnlyTheirOwnLayerAndTheLayersBelow()
    {
        var graph = BotFolders;
        var layerOf = Layers.SelectMany((layer, i) => layer.Folders.Select(folder => (folder, i))).ToDictionary(p => p.folder, p => p.i);
        output.WriteLine(string.Join("\n", graph.Dependencies.Select(d => $"{Layers[layerOf.GetValueOrDefault(d.From)].Layer}/{d.From} -> {Layers[layerOf.GetValueOrDefault(d.To)].Layer}/{d.To}")));

        var unplaced = graph.Folders.Where(f => !layerOf.ContainsKey(f)).ToList();
        Assert.True(unplaced.Count == 0, "Folders placed in no layer: " + string.Join(", ", unplaced));
        var upward = graph.Dependencies.Where(d => layerOf[d.To] > layerOf[d.From])
            .Select(d => $"{d.From} ({Layers[layerOf[d.From]].Layer}) -> {d.To} ({Layers[layerOf[d.To]].Layer}): {d.Why}").ToList();
        Assert.True(upward.Count == 0, "Folders that use a higher layer:\n" + string.Join("\n", upward));
    }

    /// <summary>
    /// A channel is one folder that receives, renders and sends on its own: none uses another's
    /// types, except the Bot Framework adapter that every channel's turns run through; and that one
    /// uses none of them (what it needs of the embedded channel, it asks through its own ports).
    /// </summary>
    [Fact]
    public void ChannelsShareOnlyTheBotFrameworkAdapter()
    {
        var channels = Layers.Single(l => l.Layer == "Channels").Folders.ToHashSet();

        var crossed = BotFolders.Dependencies.Where(d => channels.Contains(d.From) && channels.Contains(d.To) && d.To != SharedChannel)
            .Select(d => $"{d.From} -> {d.To}: {d.Why}").ToList();
        Assert.True(crossed.Count == 0, "Channels that use another channel:\n" + string.Join("\n", crossed));
    }
}
