using System.Diagnostics.Metrics;
using CampaignBot.Telemetry;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// The model's counters on the Meter "CampaignBot.Model" (System.Diagnostics.Metrics), exported at
/// /metrics with the others: calls by outcome, latency, timeouts, and taps on its suggestions. Their
/// names and meanings are in <see cref="MetricsCatalog"/> (and so in docs/operations.md and the dashboard).
/// </summary>
public sealed class ModelMetrics : IDisposable
{
    public const string MeterName = MetricsCatalog.ModelMeterName;

    private readonly Meter meter;
    private readonly Counter<long> calls;
    private readonly Histogram<double> latency;
    private readonly Counter<long> timeouts;
    private readonly Counter<long> taps;

    public ModelMetrics(IMeterFactory? meters = null)
    {
        meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        calls = meter.CreateCounter<long>(MetricsCatalog.ModelCalls.Instrument, "{call}", MetricsCatalog.ModelCalls.Meaning);
        latency = meter.CreateHistogram<double>(MetricsCatalog.ModelLatency.Instrument, "s", MetricsCatalog.ModelLatency.Meaning);
        timeouts = meter.CreateCounter<long>(MetricsCatalog.ModelTimeouts.Instrument, "{call}", MetricsCatalog.ModelTimeouts.Meaning);
        taps = meter.CreateCounter<long>(MetricsCatalog.ModelTaps.Instrument, "{tap}", MetricsCatalog.ModelTaps.Meaning);
    }

    /// <summary>This instance's meter (one per service graph, from its IMeterFactory): tests listen to theirs only.</summary>
    public Meter Meter => meter;

    public void Called(string outcome, TimeSpan elapsed)
    {
        calls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        latency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public void TimedOut() => timeouts.Add(1);

    public void Tapped(string intent) => taps.Add(1, new KeyValuePair<string, object?>("intent", intent));

    public void Dispose() => meter.Dispose();
}
