namespace CampaignBot.Telemetry;

/// <summary>One series the bot exposes at /metrics, as docs/operations.md lists it.</summary>
/// <param name="Instrument">The OpenTelemetry instrument's name (dots), or the instrumentation's.</param>
/// <param name="Prometheus">The name Prometheus scrapes: dots as underscores, the unit's suffix, <c>_total</c> for counters.</param>
/// <param name="Type">counter, gauge or histogram, as Prometheus types it.</param>
/// <param name="Labels">The labels it carries (the instrumentation's: their main ones).</param>
/// <param name="Meaning">What one unit of it is.</param>
public sealed record MetricDefinition(string Instrument, string Prometheus, string Type, IReadOnlyList<string> Labels, string Meaning);
