using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CampaignBot.Tests.Telemetry;

/// <summary>What one meter's counters added, by instrument and labels ("campaignbot.turns channel=test").</summary>
public sealed class MeterRecording : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new();

    public MeterRecording(Meter meter)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = string.Join(" ", [instrument.Name, .. tags.ToArray().OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}")]);
            totals.AddOrUpdate(key, value, (_, sum) => sum + value);
        });
        listener.Start();
    }

    /// <summary>The sum recorded under exactly these labels (in name order), 0 if none.</summary>
    public long this[string key] => totals.GetValueOrDefault(key);

    public override string ToString() => string.Join("\n", totals.OrderBy(t => t.Key).Select(t => $"{t.Key}: {t.Value}"));

    public void Dispose() => listener.Dispose();
}
