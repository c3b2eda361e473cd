using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Data;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The ledger's SQLite file; a relative path is taken from the working directory.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/campaignbot.db";

    /// <summary>Quartz's persistent job store (its own QRTZ_* tables), kept apart from the ledger.</summary>
    [Required]
    public string SchedulerDatabasePath { get; set; } = "data/scheduler.db";

    /// <summary>How long a write waits for another writer's lock before it fails.</summary>
    [Range(100, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 30_000;
}
