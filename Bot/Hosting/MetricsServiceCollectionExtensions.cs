using CampaignBot.DirectLine;
using CampaignBot.Security;
using CampaignBot.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CampaignBot.Hosting;

/// <summary>
/// Metrics (docs/operations.md): the meter and its settings are Telemetry's (<c>AddTelemetry</c>);
/// with Metrics:Enabled, OpenTelemetry collects them with the ASP.NET Core and HttpClient
/// request durations and serves them for Prometheus at /metrics, to Metrics:AllowedNetworks only.
/// </summary>
internal static class MetricsServiceCollectionExtensions
{
    internal static IServiceCollection AddCampaignMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddSingleton<StateGauges>();
        services.AddSingleton(sp => new ScrapeAccess(
            new AllowedNetworks(sp.GetRequiredService<IOptions<MetricsOptions>>().Value.AllowedNetworks),
            sp.GetRequiredService<IOptions<DirectLineOptions>>().Value.TrustedUserHeader));
        services.AddOpenTelemetry()
            // Prometheus labels every series of this target with it (target_info), instead of "unknown_service:dotnet".
            .ConfigureResource(resource => resource.AddService("campaignbot"))
            .WithMetrics(metrics => metrics
            .AddMeter(MetricsCatalog.MeterName, MetricsCatalog.ModelMeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>
    /// /metrics for the allowed callers, ahead of everything else; anyone else falls through to the
    /// rest of the app, where nothing answers it: 404, the same as when metrics are off, so a
    /// stranger cannot tell whether they are on. Each refusal is logged with its reason.
    /// </summary>
    internal static WebApplication UseCampaignMetrics(this WebApplication app)
    {
        if (app.Services.GetService<ScrapeAccess>() is not { } access)
        {
            return app;
        }

        // The gauges exist from the start, not from the first turn that happens to need the meter.
        app.Services.GetRequiredService<StateGauges>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CampaignBot.Metrics");
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
        {
            if (!context.Request.Path.Equals(MetricsOptions.Path, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (access.Refusal(context) is { } why)
            {
                logger.LogWarning("Refused a /metrics request: {Reason}", why);
                return false;
            }

            return true;
        });
        return app;
    }
}
