namespace CampaignBot.Data;

/// <summary>
/// What must happen around the schema migration but belongs to a layer above the data plumbing
/// (Backups/LedgerGuard): before the ledger is opened, and before the first pending migration of a
/// ledger that holds data. <see cref="SchemaMigrator"/> runs first in the bot and in every verb.
/// </summary>
public interface ILedgerGuard
{
    Task BeforeOpenAsync(CancellationToken cancellationToken);

    Task BeforeMigrationAsync(long fromVersion, long toVersion, CancellationToken cancellationToken);
}
