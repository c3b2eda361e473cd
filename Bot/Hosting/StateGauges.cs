using System.Diagnostics.Metrics;
using CampaignBot.Data;
using CampaignBot.DingTalk;
using CampaignBot.Telemetry;
using CampaignBot.WeCom;
using Dapper;
using Microsoft.Extensions.Options;
using CampaignBot.Ledger.ReadModels;

namespace CampaignBot.Hosting;

/// <summary>
/// The gauges read at scrape time: the outbox's depth and oldest unfinished message, evidence files
/// pending and failed (one small query over indexed states, at most once per <see cref="Freshness"/>
/// however many gauges and scrapes ask), and whether DingTalk's stream and WeCom's long connection
/// are up. Created when /metrics is on (<see cref="MetricsServiceCollectionExtensions"/>).
/// </summary>
public sealed class StateGauges
{
    /// <summary>One read serves every gauge of a scrape, and a burst of scrapes.</summary>
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly LedgerDatabase database;
    private readonly LedgerCounts counts;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private (DateTimeOffset ReadAt, LedgerState State)? last;

    public StateGauges(
        CampaignMetrics metrics, LedgerDatabase database, LedgerCounts counts, TimeProvider time, DingTalkStreamClient dingTalk, WeComLongConnection weCom,
        IOptions<DingTalkOptions> dingTalkOptions, IOptions<WeComOptions> weComOptions)
    {
        this.database = database;
        this.counts = counts;
        this.time = time;
        var meter = metrics.Meter;
        meter.CreateObservableGauge(MetricsCatalog.OutboxDepth.Instrument, () => Read().OutboxDepth, "{message}", MetricsCatalog.OutboxDepth.Meaning);
        meter.CreateObservableGauge(MetricsCatalog.OutboxOldestAge.Instrument, () => Read().OldestPendingAgeSeconds, "s", MetricsCatalog.OutboxOldestAge.Meaning);
        meter.CreateObservableGauge(MetricsCatalog.EvidencePending.Instrument, () => Read().EvidencePending, "{file}", MetricsCatalog.EvidencePending.Meaning);
        meter.CreateObservableGauge(MetricsCatalog.EvidenceFailed.Instrument, () => Read().EvidenceFailed, "{file}", MetricsCatalog.EvidenceFailed.Meaning);

        // A channel not configured for its outgoing connection reports nothing, rather than a 0 that would look like an outage.
        var streams = new List<(string Channel, Func<bool> Connected)>();
        if (dingTalkOptions.Value is { Enabled: true, Mode: DingTalkMode.Stream })
        {
            streams.Add((DingTalkChannel.ChannelId, () => dingTalk.IsConnected));
        }

        if (weComOptions.Value is { Enabled: true, Mode: WeComMode.LongConnection })
        {
            streams.Add((WeComChannel.ChannelId, () => weCom.IsConnected));
        }

        meter.CreateObservableGauge(MetricsCatalog.ChannelConnected.Instrument,
            () => streams.Select(s => new Measurement<int>(s.Connected() ? 1 : 0, new KeyValuePair<string, object?>("channel", s.Channel))),
            "1", MetricsCatalog.ChannelConnected.Meaning);
    }

    private sealed record LedgerState(long OutboxDepth, double OldestPendingAgeSeconds, long EvidencePending, long EvidenceFailed);

    /// <remarks>
    /// Observable instruments are read synchronously. The outbox count uses its state index
    /// (ix_outbox_message_state); the evidence counts scan evidence_file, a table of one row per
    /// file received (thousands over a campaign): a millisecond or two, once per scrape.
    /// </remarks>
    private LedgerState Read()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (last is { } cached && now - cached.ReadAt < Freshness)
            {
                return cached.State;
            }

            using var connection = database.OpenAsync().GetAwaiter().GetResult();
            var outbox = connection.QuerySingle<(long Depth, string? Oldest)>(
                "SELECT count(*), min(planned_at) FROM outbox_message WHERE state IN ('pending', 'sending')");
            var evidence = counts.EvidenceFiles();
            var age = outbox.Oldest is { } oldest && DateTimeOffset.TryParse(oldest, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var plannedAt)
                ? Math.Max(0, (now - plannedAt).TotalSeconds)
                : 0;
            var state = new LedgerState(outbox.Depth, age, evidence.Pending, evidence.Failed);
            last = (now, state);
            return state;
        }
    }
}
