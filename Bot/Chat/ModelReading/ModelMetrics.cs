using System.Diagnostics.Metrics;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// The model's counters on the Meter "CampaignBot.Model" (System.Diagnostics.Metrics), for whichever
/// exporter the host registers: calls by outcome, latency, timeouts, and taps on its suggestions.
/// </summary>
public sealed class ModelMetrics : IDisposable
{
    public const string MeterName = "CampaignBot.Model";

    private readonly Meter meter;
    private readonly Counter<long> calls;
    private readonly Histogram<double> latency;
    private readonly Counter<long> timeouts;
    private readonly Counter<long> taps;

    public ModelMetrics(IMeterFactory? meters = null)
    {
        meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        calls = meter.CreateCounter<long>("campaignbot.model.calls", "{call}", "Messages sent to the language model, by outcome (offered, answered, refused, failed, skipped)");
        latency = meter.CreateHistogram<double>("campaignbot.model.latency", "s", "Time from asking the model to its answer (or the timeout)");
        timeouts = meter.CreateCounter<long>("campaignbot.model.timeouts", "{call}", "Model calls cut off by Understanding:Model:TimeoutSeconds");
        taps = meter.CreateCounter<long>("campaignbot.model.taps", "{tap}", "Model suggestions the person tapped, by intent");
    }

    public void Called(string outcome, TimeSpan elapsed)
    {
        calls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        latency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public void TimedOut() => timeouts.Add(1);

    public void Tapped(string intent) => taps.Add(1, new KeyValuePair<string, object?>("intent", intent));

    public void Dispose() => meter.Dispose();
}
