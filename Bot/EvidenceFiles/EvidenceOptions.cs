using System.ComponentModel.DataAnnotations;

namespace CampaignBot.EvidenceFiles;

/// <summary>Where evidence files are kept and how they are fetched ("Evidence" in appsettings.json).</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>The evidence store: one file per distinct content, named by its SHA-256.</summary>
    [Required]
    public string Folder { get; set; } = "data/evidence";

    /// <summary>The largest file kept as evidence; larger ones are refused and the reply says so.</summary>
    [Range(1, 2048)]
    public int MaxFileMegabytes { get; set; } = 50;

    /// <summary>How long one download may take before it counts as failed (and is retried later).</summary>
    [Range(1, 3600)]
    public int DownloadTimeoutSeconds { get; set; } = 60;

    /// <summary>Attempts for a file that could not be fetched when it arrived, before it is reported as lost.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait before the first retry; each later one waits twice as long (with jitter).</summary>
    [Range(1, 86400)]
    public int RetryBaseDelaySeconds { get; set; } = 30;

    /// <summary>How often the background retry looks for pending files.</summary>
    [Range(1, 3600)]
    public int RetrySweepSeconds { get; set; } = 15;

    /// <summary>
    /// Hosts a channel's pre-authorised file links come from (Teams: SharePoint, and SharePoint
    /// operated by 21Vianet in China), fetched without the bot's token; "*." matches subdomains. The
    /// channel's own service (its serviceUrl's origin) is always allowed. Links elsewhere stay links.
    /// </summary>
    public List<string> FileHosts { get; set; } = ["*.sharepoint.com", "*.sharepoint.cn"];

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}
