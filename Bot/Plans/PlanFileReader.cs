using System.Text;
using CampaignBot.Security;
using MiniExcelLibs;

namespace CampaignBot.Plans;

/// <summary>Reads a plan file (.xlsx with sheets 任务, 单位, 人员; or .csv with the task sheet only) into rows.</summary>
public static class PlanFileReader
{
    public static PlanSheets Read(string path, ImportLimits limits)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".csv":
                SpreadsheetFileCheck.CheckSize(path, limits);
                return Parsing(path, () =>
                {
                    using var stream = Utf8CsvStream(path);
                    return new PlanSheets(Rows(MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.CSV), PlanColumns.TaskSheet, limits), [], []);
                });

            case ".xlsx":
                SpreadsheetFileCheck.CheckXlsx(path, limits);
                return Parsing(path, () =>
                {
                    var sheets = MiniExcel.GetSheetNames(path);
                    if (sheets.Count == 0)
                    {
                        throw new PlanFileException("工作簿中没有工作表。");
                    }

                    var taskSheet = sheets.Contains(PlanColumns.TaskSheet) ? PlanColumns.TaskSheet : sheets[0];
                    return new PlanSheets(
                        Sheet(path, taskSheet, limits),
                        sheets.Contains(PlanColumns.OfficeSheet) ? Sheet(path, PlanColumns.OfficeSheet, limits) : [],
                        sheets.Contains(PlanColumns.PeopleSheet) ? Sheet(path, PlanColumns.PeopleSheet, limits) : []);
                });
            default:
                throw new PlanFileException($"不支持的文件类型「{extension}」：请使用 .xlsx 或 .csv。");
        }
    }

    /// <summary>
    /// Runs a spreadsheet parser over a file from outside. On a damaged file the parser throws
    /// whatever its XML or zip layer throws (an XmlException from a cut-off sheet once ended the
    /// program with exit 134); each becomes one line saying the file could not be read.
    /// </summary>
    public static T Parsing<T>(string path, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is not (PlanFileException or OperationCanceledException or OutOfMemoryException))
        {
            throw new PlanFileException($"无法读取「{Path.GetFileName(path)}」：文件不完整或已损坏（{e.GetType().Name}: {FirstLine(e.Message)}）。");
        }
    }

    private static List<PlanRow> Sheet(string path, string sheet, ImportLimits limits) =>
        Rows(MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet, excelType: ExcelType.XLSX), sheet, limits);

    // The header is row 1, so the first data row is row 2 as the spreadsheet numbers it. Rows are
    // counted as the parser yields them, so a sheet of millions stops at the limit, not after.
    private static List<PlanRow> Rows(IEnumerable<dynamic> rows, string sheet, ImportLimits limits)
    {
        var result = new List<PlanRow>();
        foreach (IDictionary<string, object?> row in rows)
        {
            if (result.Count == limits.MaxRows)
            {
                throw new PlanFileException(
                    $"工作表「{sheet}」超过 {limits.MaxRows} 行上限（{ImportLimits.Section}:{nameof(ImportLimits.MaxRows)}），未导入。");
            }

            result.Add(new PlanRow(
                result.Count + 2,
                row.Where(cell => !string.IsNullOrWhiteSpace(cell.Key))
                    .ToDictionary(cell => cell.Key.Trim(), cell => cell.Value is string text ? SpreadsheetText.Restore(text) : cell.Value)));
        }

        return result;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>
    /// Excel on Chinese Windows saves CSV in GB18030 unless told to use UTF-8; accept both, so
    /// that a plan saved either way reads the same.
    /// </summary>
    public static MemoryStream Utf8CsvStream(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return new MemoryStream(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var text = Encoding.GetEncoding("GB18030").GetString(bytes);
            return new MemoryStream(Encoding.UTF8.GetBytes(text));
        }
    }
}
