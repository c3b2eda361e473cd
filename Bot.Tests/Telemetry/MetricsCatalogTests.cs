using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CampaignBot.Hosting;
using CampaignBot.Telemetry;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Telemetry;

/// <summary>
/// The meter, docs/operations.md and the Grafana dashboard (docs/grafana-campaignbot.json) hold the
/// same metrics as <see cref="MetricsCatalog"/>: a renamed or new instrument fails here until the
/// document and the dashboard follow.
/// </summary>
public sealed partial class MetricsCatalogTests
{
    private static string Docs(string file) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", file));

    [Fact]
    public void TheModelMeter_PublishesExactlyTheCatalogsModelInstruments()
    {
        using var model = new CampaignBot.Chat.ModelReading.ModelMetrics();
        var published = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == MetricsCatalog.ModelMeterName)
                {
                    published.Add(instrument.Name);
                }
            },
        };
        listener.Start();

        Assert.Equal(MetricsCatalog.OfTheModelMeter.Select(m => m.Instrument).Order(), published.Distinct().Order());
    }

    [Fact]
    public async Task TheMeter_PublishesExactlyTheCatalogsInstruments()
    {
        await using var services = await BotServices.CreateAsync(settings: new Dictionary<string, string?> { ["Metrics:Enabled"] = "true" });
        var metrics = services.Get<CampaignMetrics>();
        var published = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    published.Add(instrument.Name);
                }
            },
        };
        listener.Start();

        services.Get<StateGauges>();
        listener.RecordObservableInstruments();

        Assert.Equal(MetricsCatalog.MeterName, metrics.Meter.Name);
        Assert.Equal(MetricsCatalog.OfTheMeter.Select(m => m.Instrument).Order(), published.Distinct().Order());
    }

    [Fact]
    public void TheOperationsDocument_ListsEveryMetricWithItsTypeAndLabels()
    {
        var rows = Docs("operations.md").Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();

        Assert.All(MetricsCatalog.All, metric =>
        {
            var row = rows.SingleOrDefault(r => r.StartsWith($"| `{metric.Prometheus}`", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/operations.md has no row for {metric.Prometheus}");
            Assert.Contains(metric.Type, row);
            Assert.All(metric.Labels, label => Assert.Contains(label, row));
        });
    }

    [Fact]
    public void TheDashboard_ParsesAndQueriesOnlyAndAllTheCatalogsMetrics()
    {
        var dashboard = JsonNode.Parse(Docs("grafana-campaignbot.json"))!;
        var expressions = dashboard["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]?.AsArray() ?? [])
            .Select(t => t!["expr"]!.GetValue<string>())
            .ToList();
        var known = MetricsCatalog.All.ToDictionary(m => m.Prometheus);

        var queried = expressions.SelectMany(MetricNames).Select(name => Series(name, known)).ToHashSet();

        Assert.NotEmpty(expressions);
        Assert.True(queried.All(known.ContainsKey), "the dashboard queries series no metric defines: " + string.Join(", ", queried.Where(n => !known.ContainsKey(n))));
        Assert.True(known.Keys.All(queried.Contains), "the dashboard shows nothing of: " + string.Join(", ", known.Keys.Where(n => !queried.Contains(n))));
    }

    [Fact]
    public void MetricNames_ReadsSeriesNotLabelsFunctionsOrRanges()
    {
        var names = MetricNames("histogram_quantile(0.95, sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket{http_route!=\"/metrics\"}[$__rate_interval]))) / campaignbot_outbox_depth");

        Assert.Equal(["http_server_request_duration_seconds_bucket", "campaignbot_outbox_depth"], names);
    }

    /// <summary>The series a PromQL expression reads: identifiers left once label sets, ranges and by/without lists are removed, and that are not called.</summary>
    private static IReadOnlyList<string> MetricNames(string promql)
    {
        var bare = LabelSets().Replace(promql, " ");
        bare = Ranges().Replace(bare, " ");
        bare = Groupings().Replace(bare, " ");
        return Identifiers().Matches(bare).Select(m => m.Groups[1].Value)
            .Where(name => name is not ("by" or "without" or "on" or "ignoring" or "group_left" or "group_right" or "bool" or "and" or "or" or "unless" or "offset"))
            .ToList();
    }

    /// <summary>A histogram's _bucket, _sum and _count are its series.</summary>
    private static string Series(string name, IReadOnlyDictionary<string, MetricDefinition> known) =>
        HistogramParts().Match(name) is { Success: true } part && known.TryGetValue(part.Groups[1].Value, out var histogram) && histogram.Type == "histogram"
            ? histogram.Prometheus
            : name;

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelSets();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Groupings();

    [GeneratedRegex(@"(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()")]
    private static partial Regex Identifiers();

    [GeneratedRegex(@"^(.*)_(bucket|sum|count)$")]
    private static partial Regex HistogramParts();
}
