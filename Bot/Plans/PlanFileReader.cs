using System.Text;
using MiniExcelLibs;

namespace CampaignBot.Plans;

/// <summary>Reads a plan file (.xlsx with sheets 任务, 单位, 人员; or .csv with the task sheet only) into rows.</summary>
public static class PlanFileReader
{
    public static PlanSheets Read(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".csv":
                using (var stream = Utf8CsvStream(path))
                {
                    return new PlanSheets(Rows(MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.CSV)), [], []);
                }

            case ".xlsx":
                var sheets = MiniExcel.GetSheetNames(path);
                var taskSheet = sheets.Contains(PlanColumns.TaskSheet) ? PlanColumns.TaskSheet : sheets.First();
                return new PlanSheets(
                    Sheet(path, taskSheet),
                    sheets.Contains(PlanColumns.OfficeSheet) ? Sheet(path, PlanColumns.OfficeSheet) : [],
                    sheets.Contains(PlanColumns.PeopleSheet) ? Sheet(path, PlanColumns.PeopleSheet) : []);
            default:
                throw new PlanFileException($"不支持的文件类型「{extension}」：请使用 .xlsx 或 .csv。");
        }
    }

    private static List<PlanRow> Sheet(string path, string sheet) =>
        Rows(MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet, excelType: ExcelType.XLSX));

    // The header is row 1, so the first data row is row 2 as the spreadsheet numbers it.
    private static List<PlanRow> Rows(IEnumerable<dynamic> rows) =>
        rows.Select((row, index) => new PlanRow(
                index + 2,
                ((IDictionary<string, object?>)row)
                    .Where(cell => !string.IsNullOrWhiteSpace(cell.Key))
                    .ToDictionary(cell => cell.Key.Trim(), cell => cell.Value)))
            .ToList();

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

public sealed class PlanFileException(string message) : Exception(message);
