using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.ReadModels;

/// <summary>
/// The evidence files a ledger file says it keeps (stored, with their hash), one per hash with a
/// name to show. Read from whatever ledger file the connection is open on: the backup check opens a
/// copy, not the live ledger, so this takes its connection.
/// </summary>
public static class KeptEvidence
{
    public static async Task<IReadOnlyList<(string Sha256, string Name)>> InAsync(SqliteConnection ledgerFile) =>
        (await ledgerFile.QueryAsync<(string Sha256, string Name)>(
            "SELECT sha256, min(original_name) FROM evidence_file WHERE state = 'stored' AND sha256 IS NOT NULL GROUP BY sha256 ORDER BY sha256;")).AsList();
}
