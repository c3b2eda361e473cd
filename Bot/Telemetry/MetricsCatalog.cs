namespace CampaignBot.Telemetry;

/// <summary>
/// Every series at /metrics that docs/operations.md and the Grafana dashboard
/// (docs/grafana-campaignbot.json) may name: the CampaignBot meter's instruments, and the request
/// latency of the ASP.NET Core and HttpClient instrumentation. Tests hold the meter, the document and
/// the dashboard to this list, so the three cannot drift apart.
/// </summary>
public static class MetricsCatalog
{
    public const string MeterName = "CampaignBot";

    /// <summary>The optional language model's meter (Chat/ModelReading/ModelMetrics): its series exist only where a model is configured and asked.</summary>
    public const string ModelMeterName = "CampaignBot.Model";

    public static readonly MetricDefinition Turns = new(
        "campaignbot.turns", "campaignbot_turns_total", "counter", ["channel"],
        "Messages the bot answered, per channel (directline, msteams, dingtalk, wecom, emulator, other).");

    public static readonly MetricDefinition Understanding = new(
        "campaignbot.understanding", "campaignbot_understanding_total", "counter", ["channel", "outcome"],
        "How the words of a message were read: understood (a command), asked_back (two readings offered), missed (not understood; an understanding_miss row), undone (a change read from words taken back with 撤销).");

    public static readonly MetricDefinition RemindersPlanned = new(
        "campaignbot.reminders.planned", "campaignbot_reminders_planned_total", "counter", ["kind"],
        "Reminders recorded in the outbox to be sent (kind: due, overdue, escalation, report, snooze).");

    public static readonly MetricDefinition RemindersSent = new(
        "campaignbot.reminders.sent", "campaignbot_reminders_sent_total", "counter", ["kind"],
        "Reminders, reports and notices delivered to a chat or robot (kind as planned, plus notice). A message holding several reminders counts each.");

    public static readonly MetricDefinition RemindersFailed = new(
        "campaignbot.reminders.failed", "campaignbot_reminders_failed_total", "counter", ["kind", "reason"],
        "Reminders, reports and notices not delivered: reason error (failed after every retry) or gone (the chat no longer has the bot).");

    public static readonly MetricDefinition RemindersUnreached = new(
        "campaignbot.reminders.unreached", "campaignbot_reminders_unreached_total", "counter", ["kind"],
        "Reminders that had nowhere to go (an office with no chat, robot or reachable person); kept until one is bound.");

    public static readonly MetricDefinition OutboxDepth = new(
        "campaignbot.outbox.depth", "campaignbot_outbox_depth", "gauge", [],
        "Outbox messages not yet finished (pending, or in flight).");

    public static readonly MetricDefinition OutboxOldestAge = new(
        "campaignbot.outbox.oldest_pending_age", "campaignbot_outbox_oldest_pending_age_seconds", "gauge", [],
        "Seconds since the oldest unfinished outbox message was due to go; 0 when the outbox is empty.");

    public static readonly MetricDefinition EvidencePending = new(
        "campaignbot.evidence.pending", "campaignbot_evidence_pending", "gauge", [],
        "Evidence files received but not fetched yet (retried in the background).");

    public static readonly MetricDefinition EvidenceFailed = new(
        "campaignbot.evidence.failed", "campaignbot_evidence_failed", "gauge", [],
        "Evidence files given up on after every retry (the sender was told).");

    public static readonly MetricDefinition ChannelConnected = new(
        "campaignbot.channel.connected", "campaignbot_channel_connected", "gauge", ["channel"],
        "1 while the outgoing connection is up, 0 while not: dingtalk (stream mode), wecom (long connection). Absent for a channel not configured for that mode.");

    public static readonly MetricDefinition ModelCalls = new(
        "campaignbot.model.calls", "campaignbot_model_calls_total", "counter", ["outcome"],
        "Misses sent to the office's language model (Understanding:Model), by outcome: offered, answered, refused (its reading failed a check), failed (timeout, error, malformed answer), skipped (the breaker open).");

    public static readonly MetricDefinition ModelLatency = new(
        "campaignbot.model.latency", "campaignbot_model_latency_seconds", "histogram", ["outcome"],
        "Time from asking the model to its answer, or to the timeout.");

    public static readonly MetricDefinition ModelTimeouts = new(
        "campaignbot.model.timeouts", "campaignbot_model_timeouts_total", "counter", [],
        "Model calls cut off by Understanding:Model:TimeoutSeconds.");

    public static readonly MetricDefinition ModelTaps = new(
        "campaignbot.model.taps", "campaignbot_model_taps_total", "counter", ["intent"],
        "Suggestions of the model that the person tapped (or sent as text), by intent.");

    public static readonly MetricDefinition HttpServerDuration = new(
        "http.server.request.duration", "http_server_request_duration_seconds", "histogram", ["http_request_method", "http_route", "http_response_status_code"],
        "ASP.NET Core instrumentation: time to answer each request to the bot.");

    public static readonly MetricDefinition HttpClientDuration = new(
        "http.client.request.duration", "http_client_request_duration_seconds", "histogram", ["http_request_method", "server_address", "http_response_status_code"],
        "HttpClient instrumentation: time of each call the bot makes (DingTalk, WeCom, Bot Connector, robots, evidence downloads).");

    /// <summary>The CampaignBot meter's own instruments.</summary>
    public static IReadOnlyList<MetricDefinition> OfTheMeter { get; } =
    [
        Turns, Understanding, RemindersPlanned, RemindersSent, RemindersFailed, RemindersUnreached,
        OutboxDepth, OutboxOldestAge, EvidencePending, EvidenceFailed, ChannelConnected,
    ];

    /// <summary>The language model meter's instruments.</summary>
    public static IReadOnlyList<MetricDefinition> OfTheModelMeter { get; } = [ModelCalls, ModelLatency, ModelTimeouts, ModelTaps];

    /// <summary>Everything at /metrics that the document and the dashboard may name.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } = [.. OfTheMeter, .. OfTheModelMeter, HttpServerDuration, HttpClientDuration];
}
