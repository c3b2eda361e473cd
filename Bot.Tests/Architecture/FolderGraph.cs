using ArchUnitNET.Domain;

namespace CampaignBot.Tests.Architecture;

/// <summary>
/// Which top-level folder (namespace CampaignBot.&lt;Folder&gt;) of the bot uses which, with the types
/// that make each edge, and the circles in it (Tarjan's strongly connected components).
/// </summary>
public sealed class FolderGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> edges = new(StringComparer.Ordinal);

    public static FolderGraph Of(IEnumerable<IType> types)
    {
        var graph = new FolderGraph();
        foreach (var type in types)
        {
            var from = Folder(type);
            if (from is null)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                var to = Folder(dependency.Target);
                if (to is not null && to != from)
                {
                    graph.Add(from, to, $"{Outermost(type)} -> {Outermost(dependency.Target)}");
                }
            }
        }

        return graph;
    }

    /// <summary>Each edge as "From -> To", for a report.</summary>
    public IEnumerable<string> Edges => edges.SelectMany(e => e.Value.Keys.Select(to => $"{e.Key} -> {to}"));

    /// <summary>The folders with types, and each edge with the types behind it (a few, for a report).</summary>
    public IEnumerable<string> Folders => edges.Keys;

    public IEnumerable<(string From, string To, string Why)> Dependencies =>
        edges.SelectMany(e => e.Value.Select(to => (e.Key, to.Key, string.Join("; ", to.Value.Take(3)))));

    /// <summary>
    /// Every group of folders that reach each other, with the edges inside it and the types behind
    /// each edge: the places to cut.
    /// </summary>
    public List<string> Cycles()
    {
        var cycles = new List<string>();
        foreach (var component in StronglyConnected().Where(c => c.Count > 1))
        {
            var inside = component.ToHashSet();
            var lines = component.SelectMany(from => edges[from].Where(e => inside.Contains(e.Key))
                .Select(e => $"  {from} -> {e.Key}: {string.Join("; ", e.Value.Take(6))}{(e.Value.Count > 6 ? $" (+{e.Value.Count - 6} more)" : "")}"));
            cycles.Add($"[{string.Join(", ", component)}]\n{string.Join("\n", lines)}");
        }

        return cycles;
    }

    private void Add(string from, string to, string why)
    {
        if (!edges.TryGetValue(from, out var targets))
        {
            edges[from] = targets = new(StringComparer.Ordinal);
        }

        if (!targets.TryGetValue(to, out var reasons))
        {
            targets[to] = reasons = new(StringComparer.Ordinal);
        }

        reasons.Add(why);
        edges.TryAdd(to, new(StringComparer.Ordinal));
    }

    private List<List<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in edges[node].Keys)
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                component.Sort(StringComparer.Ordinal);
                components.Add(component);
            }
        }

        foreach (var node in edges.Keys.ToList())
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }

    /// <summary>The folder of a type of the bot: CampaignBot.Chat.Handlers is Chat; CampaignBot itself and the other projects' types (scheduling, understanding) have none.</summary>
    private static string? Folder(IType type)
    {
        var name = type.Namespace?.FullName ?? "";
        if (!name.StartsWith("CampaignBot.", StringComparison.Ordinal)
            || name.StartsWith("CampaignBot.Scheduling", StringComparison.Ordinal) || name.StartsWith("CampaignBot.Understanding", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name["CampaignBot.".Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Nested and compiler-made types (closures, state machines) are reported as the type that holds them.</summary>
    private static string Outermost(IType type) => type.FullName.Split('+')[0];
}
