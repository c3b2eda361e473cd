using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Backups;

/// <summary>
/// `Backup:*`: the nightly copy on the scheduler, how many are kept, and the copy taken before a
/// schema migration. On by default: an office that never configured backups still has a week of
/// them (on the same disk: they protect against a mistake or a damaged file, not a lost disk;
/// docs/DEPLOY.md says to point <see cref="Folder"/> at another disk or copy it off the machine).
/// </summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where the nightly and pre-migration copies go; empty: <c>backups</c> beside the ledger (data/backups).</summary>
    public string Folder { get; set; } = "";

    /// <summary>How many nightly copies are kept; the oldest beyond this is deleted only after a new one succeeded.</summary>
    [Range(1, 3650)]
    public int Keep { get; set; } = 7;

    /// <summary>The nightly copy; it runs on the reminders' Quartz scheduler, so only when `Reminders:Enabled`.</summary>
    public bool Nightly { get; set; } = true;

    /// <summary>When the nightly copy runs, in the campaign's time zone (Campaign:TimeZone).</summary>
    public TimeOnly TimeOfDay { get; set; } = new(2, 30);

    /// <summary>A copy of the ledger as it was before the first pending schema migration, when it holds data.</summary>
    public bool BeforeMigration { get; set; } = true;

    public string FolderFor(string ledgerPath) =>
        Path.GetFullPath(Folder is { Length: > 0 } ? Folder : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ledgerPath))!, "backups"));
}
