using CampaignBot.Data;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignBot.Hosting;

/// <summary>Healthy when the ledger file opens and answers a query.</summary>
public sealed class LedgerHealthCheck(LedgerDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var tasks = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM task");
            return HealthCheckResult.Healthy($"{tasks} tasks");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The ledger database cannot be read.", e);
        }
    }
}
