using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Plans;

/// <summary>
/// How big a file an operator verb (import, workdays load) accepts. A 430 KB xlsx that expanded to
/// 3 million rows once took 3.7 GB and 2 minutes; these refuse such a file before it is expanded.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Import";

    /// <summary>The file as it lies on disk (a 100,000-task plan is about 5 MB as xlsx, 12 MB as CSV).</summary>
    [Range(1, 10_000)]
    public int MaxFileMegabytes { get; set; } = 50;

    /// <summary>Rows of one sheet, counted as they are read; a campaign plan has hundreds to a few thousand.</summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 200_000;

    /// <summary>The xlsx's parts once decompressed, as its zip directory declares them.</summary>
    [Range(1, 100_000)]
    public int MaxUncompressedMegabytes { get; set; } = 500;

    /// <summary>
    /// Decompressed size over compressed size of one part of the xlsx. Real sheets compress 5 to 30
    /// times; a bomb's repeated rows compress hundreds or thousands of times.
    /// </summary>
    [Range(2, 100_000)]
    public int MaxExpansionRatio { get; set; } = 100;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    public long MaxUncompressedBytes => MaxUncompressedMegabytes * 1024L * 1024L;
}
