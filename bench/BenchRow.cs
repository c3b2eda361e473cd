using System.Diagnostics;
using System.Text.Json;

namespace CampaignBot.Bench;

/// <summary>One measured figure: what, in which unit, the goal it is held to, and whether it met it.</summary>
public sealed record BenchRow(string Name, string Unit, double Value, string Goal, bool? Met, string Detail);

public static class Measure
{
    public static double MedianMilliseconds(int runs, Action action)
    {
        action(); // warm-up: JIT and caches
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}

public static class BenchReport
{
    public static void Print(IReadOnlyList<BenchRow> rows, TextWriter output)
    {
        var width = rows.Max(r => r.Name.Length) + 2;
        output.WriteLine($"{"measure".PadRight(width)}{"value",12}  {"unit",-16}{"goal",-16}{"met",-5}detail");
        foreach (var row in rows)
        {
            var met = row.Met switch { true => "yes", false => "NO", null => "" };
            output.WriteLine($"{row.Name.PadRight(width)}{row.Value,12:N2}  {row.Unit,-16}{row.Goal,-16}{met,-5}{row.Detail}");
        }
    }

    public static void Save(IReadOnlyList<BenchRow> rows, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            rows,
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
}
