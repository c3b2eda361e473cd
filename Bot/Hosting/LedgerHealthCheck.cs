using CampaignBot.Ledger.ReadModels;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignBot.Hosting;

/// <summary>Healthy when the ledger file opens and answers a query.</summary>
public sealed class LedgerHealthCheck(LedgerCounts counts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var tasks = await counts.TasksAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{tasks} tasks");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The ledger database cannot be read.", e);
        }
    }
}
