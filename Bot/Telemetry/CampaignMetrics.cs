using System.Diagnostics.Metrics;

namespace CampaignBot.Telemetry;

/// <summary>
/// The bot's one meter ("CampaignBot") and its counters (<see cref="MetricsCatalog"/>). Counting
/// costs next to nothing while nobody listens, so the counters are always there; /metrics
/// (Metrics:Enabled) only decides whether anyone reads them. The meter comes from the host's
/// IMeterFactory, so each host in a process (the tests) has its own.
/// Labels take a few fixed values, never a chat's or a person's id: Prometheus keeps a series per value.
/// </summary>
public sealed class CampaignMetrics
{
    private readonly Counter<long> turns;
    private readonly Counter<long> understanding;
    private readonly Counter<long> planned;
    private readonly Counter<long> sent;
    private readonly Counter<long> failed;
    private readonly Counter<long> unreached;

    public CampaignMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MetricsCatalog.MeterName);
        turns = Counter(MetricsCatalog.Turns, "{turn}");
        understanding = Counter(MetricsCatalog.Understanding, "{message}");
        planned = Counter(MetricsCatalog.RemindersPlanned, "{reminder}");
        sent = Counter(MetricsCatalog.RemindersSent, "{reminder}");
        failed = Counter(MetricsCatalog.RemindersFailed, "{reminder}");
        unreached = Counter(MetricsCatalog.RemindersUnreached, "{reminder}");
    }

    /// <summary>For the gauges the host adds over the ledger and the channels (Hosting/StateGauges).</summary>
    public Meter Meter { get; }

    public void Turn(string? channelId) => turns.Add(1, Label("channel", Channel(channelId)));

    public void Understood(string? channelId, UnderstandingOutcome outcome) =>
        understanding.Add(1, Label("channel", Channel(channelId)), Label("outcome", OutcomeLabel(outcome)));

    public void Planned(string kind, int count = 1) => planned.Add(count, Label("kind", KindFamily(kind)));

    public void Sent(string kind, int count = 1) => sent.Add(count, Label("kind", KindFamily(kind)));

    public void Failed(string kind, bool gone, int count = 1) =>
        failed.Add(count, Label("kind", KindFamily(kind)), Label("reason", gone ? "gone" : "error"));

    public void Unreached(string kind, int count = 1) => unreached.Add(count, Label("kind", KindFamily(kind)));

    /// <summary>The channels the bot has; anything else a client may claim in an activity is "other".</summary>
    public static string Channel(string? channelId) => channelId switch
    {
        "directline" or "webchat" or "msteams" or "emulator" or "dingtalk" or "wecom" or "test" => channelId,
        _ => "other",
    };

    /// <summary>due-3 → due, overdue-1 → overdue, snooze:2026-06-20 → snooze; escalation, report and notice as they are.</summary>
    public static string KindFamily(string kind) => kind switch
    {
        _ when kind.StartsWith("due-", StringComparison.Ordinal) => "due",
        _ when kind.StartsWith("overdue-", StringComparison.Ordinal) => "overdue",
        _ when kind.StartsWith("snooze", StringComparison.Ordinal) => "snooze",
        "escalation" or "report" or "notice" => kind,
        _ => "other",
    };

    private static string OutcomeLabel(UnderstandingOutcome outcome) => outcome switch
    {
        UnderstandingOutcome.Understood => "understood",
        UnderstandingOutcome.AskedBack => "asked_back",
        UnderstandingOutcome.Missed => "missed",
        UnderstandingOutcome.Undone => "undone",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private Counter<long> Counter(MetricDefinition definition, string unit) =>
        Meter.CreateCounter<long>(definition.Instrument, unit, definition.Meaning);

    private static KeyValuePair<string, object?> Label(string name, string value) => new(name, value);
}
