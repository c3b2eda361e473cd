using CampaignBot.Ledger.Repositories;
using MiniExcelLibs;

namespace CampaignBot.Plans;

/// <summary>
/// The workday calendar file (docs/workday-calendar.md): CSV with columns 日期, 类型 (休 or 班), 名称.
/// Dates it does not list follow the weekday rule (Monday to Friday on, weekends off).
/// </summary>
public static class WorkdayFile
{
    public sealed record Result(IReadOnlyList<CalendarDay> Days, IReadOnlyList<string> Errors);

    private static readonly Dictionary<string, bool> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["休"] = false, ["休息"] = false, ["放假"] = false, ["off"] = false, ["holiday"] = false,
        ["班"] = true, ["上班"] = true, ["调休上班"] = true, ["work"] = true, ["workday"] = true,
    };

    /// <remarks>A file that is not CSV, too large or too long is refused as a whole with one line (<see cref="PlanFileException"/>).</remarks>
    public static Result Read(string path, ImportLimits limits)
    {
        SpreadsheetFileCheck.CheckSize(path, limits);
        return PlanFileReader.Parsing(path, () => ReadRows(path, limits));
    }

    private static Result ReadRows(string path, ImportLimits limits)
    {
        using var stream = PlanFileReader.Utf8CsvStream(path);
        var days = new List<CalendarDay>();
        var errors = new List<string>();
        var seen = new Dictionary<DateOnly, int>();
        var number = 1;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.CSV))
        {
            number++;
            if (number - 1 > limits.MaxRows)
            {
                throw new PlanFileException($"超过 {limits.MaxRows} 行上限（{ImportLimits.Section}:{nameof(ImportLimits.MaxRows)}），未导入。");
            }

            var cells = new PlanRow(number, row.ToDictionary(c => c.Key.Trim(), c => c.Value));
            if (cells.IsBlank)
            {
                continue;
            }

            var kind = cells.Text("类型");
            var state = PlanCells.ReadDate(cells.Raw("日期"), out var date);
            var error = state switch
            {
                PlanCells.DateCell.Empty => "缺少日期",
                PlanCells.DateCell.Impossible => $"日期「{cells.Text("日期")}」不存在",
                PlanCells.DateCell.Unreadable => $"日期「{cells.Text("日期")}」无法识别（请写成 2026-10-01）",
                _ when !Kinds.ContainsKey(kind) => $"类型「{kind}」应为「休」或「班」",
                _ when seen.TryGetValue(date, out var first) => $"日期 {date:yyyy-MM-dd} 与第 {first} 行重复",
                _ => null,
            };
            if (error is not null)
            {
                errors.Add($"第 {number} 行: {error}");
                continue;
            }

            seen[date] = number;
            days.Add(new CalendarDay(date, Kinds[kind], cells.Text("名称")));
        }

        return new Result(days, errors);
    }
}
