using CampaignBot.Data;
using Dapper;

namespace CampaignBot.Ledger.ReadModels;

/// <summary>Counts over the ledger for the health check and the /metrics gauges (Hosting).</summary>
public sealed class LedgerCounts(LedgerDatabase database)
{
    /// <summary>How many tasks the ledger holds: the health check's proof that the file opens and answers.</summary>
    public async Task<long> TasksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM task");
    }

    /// <summary>Evidence files still to fetch, and given up on: a scan of evidence_file (a row per file received), once per scrape.</summary>
    /// <remarks>Synchronous: observable gauges are read synchronously.</remarks>
    public (long Pending, long Failed) EvidenceFiles()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        return connection.QuerySingle<(long Pending, long Failed)>(
            "SELECT (SELECT count(*) FROM evidence_file WHERE state = 'pending'), (SELECT count(*) FROM evidence_file WHERE state = 'failed')");
    }
}
