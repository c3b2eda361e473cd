namespace CampaignBot.Telemetry;

/// <summary>The Prometheus scrape endpoint ("Metrics" in appsettings.json; docs/operations.md).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public const string Path = "/metrics";

    /// <summary>Off by default: /metrics answers 404 and no metric is collected.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The networks whose callers may scrape (CIDR, e.g. 10.1.2.0/24 or 10.1.2.3/32); loopback when
    /// empty. Anyone else gets 404, as if metrics were off. A request that came through a reverse
    /// proxy (it carries X-Forwarded-For, Forwarded or X-Real-IP) is refused whatever the proxy's address.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];
}
