using System.Globalization;
using CampaignBot.Board;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Scheduling.Time;
using CampaignBot.Security;
using MiniExcelLibs;
using CampaignBot.Ledger.ReadModels.Board;

namespace CampaignBot.Plans;

/// <summary>
/// Writes the ledger as a spreadsheet with the import template's columns plus its state, so that an
/// export can be edited and imported again. .xlsx gets the 单位 and 人员 sheets too, and the board's
/// 汇总 and one sheet per evaluation item (see <see cref="BoardSheets"/>); .csv the tasks. Every text
/// cell of every sheet passes <see cref="SpreadsheetText.Neutralise(string)"/>: no cell runs as a formula.
/// </summary>
public sealed class LedgerExporter(TaskRepository tasks, DirectoryRepository directory, CampaignClock clock)
{
    public async Task<int> ExportAsync(string path, CancellationToken cancellationToken = default)
    {
        var allTasks = await tasks.AllAsync(cancellationToken);
        var taskRows = SpreadsheetText.Neutralise(allTasks.Select(TaskRow));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".csv":
                await MiniExcel.SaveAsAsync(path, taskRows, excelType: ExcelType.CSV, overwriteFile: true, cancellationToken: cancellationToken);
                break;
            case ".xlsx":
                var people = await directory.PeopleAsync(cancellationToken);
                var accounts = await directory.AccountsByPersonAsync(cancellationToken);
                var offices = await directory.OfficesAsync(cancellationToken);
                var sheets = new Dictionary<string, object>
                {
                    [PlanColumns.TaskSheet] = taskRows,
                    [PlanColumns.OfficeSheet] = SpreadsheetText.Neutralise(offices.Select(OfficeRow)),
                    [PlanColumns.PeopleSheet] = SpreadsheetText.Neutralise(people.Select(p => PersonRow(p, accounts[p.Id]))),
                };
                // The board's numbers (the same computation as /board), and a sheet per evaluation item.
                foreach (var (name, rows) in BoardSheets.From(BoardSnapshot.Build(allTasks, offices, clock.Today, BoardFilter.All), sheets.Keys))
                {
                    sheets[name] = SpreadsheetText.Neutralise(rows);
                }

                await MiniExcel.SaveAsAsync(path, sheets, excelType: ExcelType.XLSX, overwriteFile: true, cancellationToken: cancellationToken);
                break;
            default:
                throw new PlanFileException($"不支持的文件类型「{Path.GetExtension(path)}」：请使用 .xlsx 或 .csv。");
        }

        return allTasks.Count;
    }

    private Dictionary<string, object?> TaskRow(LedgerTask task) => new()
    {
        [PlanColumns.Code] = task.Code,
        [PlanColumns.Title] = task.Title,
        [PlanColumns.EvaluationItem] = task.EvaluationItem,
        [PlanColumns.LeadOffice] = task.LeadOfficeName,
        [PlanColumns.CoOffices] = task.CoOfficeNames,
        [PlanColumns.Owner] = task.OwnerName ?? "",
        [PlanColumns.StartsOn] = task.StartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        [PlanColumns.DueOn] = task.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [PlanColumns.EvidenceRequired] = task.EvidenceRequired,
        [PlanColumns.Status] = task.IsDone ? "已完成" : clock.DaysUntil(task.DueOn) < 0 ? "逾期" : "进行中",
        [PlanColumns.DoneAt] = task.DoneAt is { } at
            ? TimeZoneInfo.ConvertTime(at, clock.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : "",
        [PlanColumns.DoneBy] = task.DoneByName ?? "",
        [PlanColumns.EvidenceCount] = task.EvidenceCount,
    };

    private static Dictionary<string, object?> OfficeRow(Office office) => new()
    {
        [PlanColumns.OfficeName] = office.Name,
        [PlanColumns.OfficeAliases] = office.Aliases.Replace(',', '、'),
        [PlanColumns.OfficeKind] = PlanColumns.KindLabel(office.Kind),
    };

    private static Dictionary<string, object?> PersonRow(Person person, IEnumerable<string> accounts) => new()
    {
        [PlanColumns.PersonName] = person.Name,
        [PlanColumns.PersonOffice] = person.OfficeName,
        [PlanColumns.PersonRole] = PlanColumns.RoleLabel(person.Role),
        [PlanColumns.PersonAccounts] = string.Join("、", accounts),
        [PlanColumns.PersonMobile] = person.Mobile ?? "",
        [PlanColumns.PersonDingTalkId] = person.DingTalkUserId ?? "",
        [PlanColumns.PersonWeComId] = person.WeComUserId ?? "",
    };
}
