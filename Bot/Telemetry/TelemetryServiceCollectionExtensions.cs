using CampaignBot.Security;

namespace CampaignBot.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The CampaignBot meter, whose counters always count (cheaply, nobody listening), and the metrics
    /// settings. Collecting and serving them at /metrics is the host's (<c>Hosting.AddCampaignMetrics</c>).
    /// </summary>
    internal static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<CampaignMetrics>();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => Parses(o.AllowedNetworks), "Metrics:AllowedNetworks must be networks such as 10.1.2.0/24, 10.1.2.3 or ::1/128.")
            .ValidateOnStart();
        return services;
    }

    private static bool Parses(string[] networks)
    {
        try
        {
            _ = new AllowedNetworks(networks);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
