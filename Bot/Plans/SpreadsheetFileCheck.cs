using System.IO.Compression;

namespace CampaignBot.Plans;

/// <summary>
/// Checks a file before a spreadsheet reader expands it: its size on disk, and for an xlsx its zip
/// directory (sizes as declared, the parts a workbook needs). Each refusal is one line naming the
/// limit and its setting, thrown as <see cref="PlanFileException"/>.
/// </summary>
public static class SpreadsheetFileCheck
{
    /// <summary>
    /// Below this a part's ratio is not checked: a small part (styles, a 30-row sheet) may compress
    /// very well and is harmless whatever its ratio.
    /// </summary>
    private const long RatioCheckedFromBytes = 1024 * 1024;

    private const string WorkbookPart = "xl/workbook.xml";

    public static void CheckSize(string path, ImportLimits limits)
    {
        var length = new FileInfo(path).Length;
        if (length > limits.MaxFileBytes)
        {
            throw new PlanFileException(
                $"文件过大：{Megabytes(length)} MB，上限 {limits.MaxFileMegabytes} MB（{ImportLimits.Section}:{nameof(ImportLimits.MaxFileMegabytes)}）。");
        }
    }

    /// <summary>Reads only the zip's central directory: nothing is decompressed here.</summary>
    public static void CheckXlsx(string path, ImportLimits limits)
    {
        CheckSize(path, limits);
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new PlanFileException($"不是有效的 xlsx 文件（文件不完整或已损坏：{e.Message}）。");
        }

        using (zip)
        {
            if (zip.GetEntry(WorkbookPart) is null)
            {
                throw new PlanFileException($"不是有效的 xlsx 文件：压缩包中没有工作簿（{WorkbookPart}）。");
            }

            var total = 0L;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length >= RatioCheckedFromBytes && entry.Length > (long)limits.MaxExpansionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new PlanFileException(
                        $"文件被拒绝：其中「{entry.FullName}」解压后膨胀 {entry.Length / Math.Max(1, entry.CompressedLength)} 倍，上限 {limits.MaxExpansionRatio} 倍（{ImportLimits.Section}:{nameof(ImportLimits.MaxExpansionRatio)}）。");
                }
            }

            if (total > limits.MaxUncompressedBytes)
            {
                throw new PlanFileException(
                    $"文件被拒绝：解压后 {Megabytes(total)} MB，上限 {limits.MaxUncompressedMegabytes} MB（{ImportLimits.Section}:{nameof(ImportLimits.MaxUncompressedMegabytes)}）。");
            }
        }
    }

    private static long Megabytes(long bytes) => (bytes + 1024 * 1024 - 1) / (1024 * 1024);
}
