using System.Globalization;
using CampaignBot.Ledger;
using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Recurrence;

namespace CampaignBot.Plans;

/// <summary>
/// Checks every row of a plan against itself and against the offices and people already in the
/// ledger, and reports each bad row by sheet, number and reason. Pure: the ledger's directory is
/// an argument. A plan with any bad row is not returned.
/// </summary>
public static class PlanValidator
{
    public sealed record Result(Plan? Plan, IReadOnlyList<PlanRowError> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    private static readonly string[] RequiredTaskColumns = [PlanColumns.Code, PlanColumns.Title, PlanColumns.LeadOffice, PlanColumns.DueOn];

    /// <param name="calendar">Workdays, for rules such as 每月最后一个工作日.</param>
    /// <param name="createMissing">
    /// Offices and people the plan names but neither the ledger nor the plan's own sheets declare
    /// are created (an office as a 工作组, a task's owner as a member of its lead office) instead of
    /// being row errors. Always so for a ledger with no offices and a plan without a 单位 sheet: a
    /// plan kept as one sheet (a CSV) names its offices only in its rows.
    /// </param>
    public static Result Validate(
        PlanSheets sheets, IReadOnlyList<Office> knownOffices, IReadOnlyList<Person> knownPeople, IWorkdayCalendar? calendar = null, bool createMissing = false,
        DateOnly? latestDueOn = null)
    {
        var errors = new List<PlanRowError>();
        createMissing |= knownOffices.Count == 0 && sheets.Offices.All(r => r.IsBlank);
        var offices = ReadOffices(sheets.Offices, knownOffices, errors);
        var officeByName = OfficeNames(knownOffices, offices);
        if (createMissing)
        {
            offices.AddRange(MissingOffices(sheets, officeByName));
            officeByName = OfficeNames(knownOffices, offices);
        }

        var people = ReadPeople(sheets.People, officeByName, errors);
        var personNames = knownPeople.Select(p => p.Name).Concat(people.Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
        if (createMissing)
        {
            people.AddRange(MissingOwners(sheets.Tasks, officeByName, personNames));
            personNames.UnionWith(people.Select(p => p.Name));
        }

        var series = new List<PlanSeries>();
        var context = new TaskContext(officeByName, personNames, calendar ?? WorkdayCalendar.WeekdaysOnly, latestDueOn);
        var tasks = ReadTasks(sheets.Tasks, context, series, errors);
        return errors.Count == 0 ? new Result(new Plan(offices, people, tasks) { Series = series }, errors) : new Result(null, errors);
    }

    /// <summary>What every task row is checked against.</summary>
    private sealed record TaskContext(Dictionary<string, string> OfficeByName, HashSet<string> PersonNames, IWorkdayCalendar Calendar, DateOnly? LatestDueOn);

    /// <summary>Offices named in the people sheet or in tasks' 牵头单位 and 配合单位 that nothing declares, in order of appearance.</summary>
    private static IEnumerable<PlanOffice> MissingOffices(PlanSheets sheets, Dictionary<string, string> officeByName) =>
        sheets.People.Where(r => !r.IsBlank).Select(r => r.Text(PlanColumns.PersonOffice))
            .Concat(sheets.Tasks.Where(r => !r.IsBlank).SelectMany(r => PlanCells.AsList(r.Text(PlanColumns.LeadOffice)).Take(1).Concat(PlanCells.AsList(r.Text(PlanColumns.CoOffices)))))
            .Where(name => name.Length > 0 && !officeByName.ContainsKey(name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => new PlanOffice(name, "", "workgroup"));

    /// <summary>Tasks' owners that nothing declares, each a member of the first lead office that names them.</summary>
    private static IEnumerable<PlanPerson> MissingOwners(IReadOnlyList<PlanRow> tasks, Dictionary<string, string> officeByName, HashSet<string> personNames) =>
        tasks.Where(r => !r.IsBlank && r.Text(PlanColumns.Owner).Length > 0 && !personNames.Contains(r.Text(PlanColumns.Owner))
                         && officeByName.ContainsKey(r.Text(PlanColumns.LeadOffice)))
            .GroupBy(r => r.Text(PlanColumns.Owner), StringComparer.Ordinal)
            .Select(g => new PlanPerson(g.Key, officeByName[g.First().Text(PlanColumns.LeadOffice)], Roles.Member, []));

    /// <summary>Why a name is unknown, with the known names closest to it, or how to create it.</summary>
    private static string Unknown(string what, string name, IEnumerable<string> known)
    {
        if (NameSuggestions.Closest(name, known) is { Count: > 0 } close)
        {
            return $"未知{what}「{name}」（是否为：{string.Join("、", close)}？）";
        }

        var kind = what == "责任人" ? "人员" : "单位";
        return $"未知{what}「{name}」（台账中没有相近的{kind}；新{kind}请列入{kind}表，或导入时加 --create-missing）";
    }

    /// <summary>Every name and alias of every office, known or new, mapped to the office's own name.</summary>
    private static Dictionary<string, string> OfficeNames(IReadOnlyList<Office> known, IReadOnlyList<PlanOffice> added)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var office in known)
        {
            foreach (var name in office.Names)
            {
                names.TryAdd(name, office.Name);
            }
        }

        foreach (var office in added)
        {
            names[office.Name] = office.Name;
            foreach (var alias in PlanCells.AsList(office.Aliases))
            {
                names.TryAdd(alias, office.Name);
            }
        }

        return names;
    }

    private static List<PlanOffice> ReadOffices(IReadOnlyList<PlanRow> rows, IReadOnlyList<Office> known, List<PlanRowError> errors)
    {
        var result = new List<PlanOffice>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => !r.IsBlank))
        {
            var name = row.Text(PlanColumns.OfficeName);
            var kindLabel = row.Text(PlanColumns.OfficeKind);
            var error = name.Length == 0 ? "缺少单位名称"
                : seen.TryGetValue(name, out var first) ? $"单位「{name}」与第 {first} 行重复"
                : kindLabel.Length > 0 && !PlanColumns.KindsByLabel.ContainsKey(kindLabel) ? $"未知类型「{kindLabel}」（可填：领导小组办公室、工作组、委室）"
                : null;
            if (error is not null)
            {
                errors.Add(new PlanRowError(PlanColumns.OfficeSheet, row.Number, error));
                continue;
            }

            seen[name] = row.Number;
            var kind = kindLabel.Length > 0 ? PlanColumns.KindsByLabel[kindLabel] : known.FirstOrDefault(o => o.Name == name)?.Kind ?? "workgroup";
            result.Add(new PlanOffice(name, string.Join(',', PlanCells.AsList(row.Text(PlanColumns.OfficeAliases))), kind));
        }

        return result;
    }

    private static List<PlanPerson> ReadPeople(IReadOnlyList<PlanRow> rows, Dictionary<string, string> officeByName, List<PlanRowError> errors)
    {
        var result = new List<PlanPerson>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var accounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !r.IsBlank))
        {
            var name = row.Text(PlanColumns.PersonName);
            var office = row.Text(PlanColumns.PersonOffice);
            var roleLabel = row.Text(PlanColumns.PersonRole);
            var ids = PlanCells.AsList(row.Text(PlanColumns.PersonAccounts));
            var reused = ids.FirstOrDefault(accounts.ContainsKey);
            var error = name.Length == 0 ? "缺少姓名"
                : seen.TryGetValue(name, out var first) ? $"人员「{name}」与第 {first} 行重复"
                : office.Length == 0 ? "缺少单位"
                : !officeByName.ContainsKey(office) ? Unknown("单位", office, officeByName.Keys)
                : roleLabel.Length > 0 && !PlanColumns.RolesByLabel.ContainsKey(roleLabel) ? $"未知角色「{roleLabel}」（可填：成员、负责人、协调员、领导）"
                : reused is not null ? $"账号「{reused}」已在第 {accounts[reused]} 行使用"
                : null;
            if (error is not null)
            {
                errors.Add(new PlanRowError(PlanColumns.PeopleSheet, row.Number, error));
                continue;
            }

            seen[name] = row.Number;
            foreach (var id in ids)
            {
                accounts[id] = row.Number;
            }

            var role = roleLabel.Length > 0 ? PlanColumns.RolesByLabel[roleLabel] : Roles.Member;
            result.Add(new PlanPerson(name, officeByName[office], role, ids,
                Optional(row.Text(PlanColumns.PersonMobile)), Optional(row.Text(PlanColumns.PersonDingTalkId)), Optional(row.Text(PlanColumns.PersonWeComId))));
        }

        return result;
    }

    private static string? Optional(string text) => text.Length > 0 ? text : null;

    private static List<PlanTask> ReadTasks(IReadOnlyList<PlanRow> rows, TaskContext context, List<PlanSeries> series, List<PlanRowError> errors)
    {
        var result = new List<PlanTask>();
        var dataRows = rows.Where(r => !r.IsBlank).ToList();
        if (dataRows.Count == 0)
        {
            errors.Add(new PlanRowError(PlanColumns.TaskSheet, 1, "没有任务行"));
            return result;
        }

        var missing = RequiredTaskColumns.Where(c => !dataRows[0].Cells.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new PlanRowError(PlanColumns.TaskSheet, 1, $"缺少列：{string.Join("、", missing)}"));
            return result;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in dataRows)
        {
            var reasons = TaskErrors(row, context, seen, out var task);
            var recurrence = row.Text(PlanColumns.Recurrence);
            if (reasons.Count == 0 && recurrence.Length > 0)
            {
                reasons.AddRange(Occurrences(row.Number, task!, recurrence, context.Calendar, seen, series, result));
            }
            else if (reasons.Count == 0)
            {
                result.Add(task!);
            }

            errors.AddRange(reasons.Select(r => new PlanRowError(PlanColumns.TaskSheet, row.Number, r)));
        }

        return result;
    }

    /// <summary>A row with 周期 is a recurring duty: its occurrences (<see cref="RecurringDuty"/>) are the plan's tasks.</summary>
    private static IEnumerable<string> Occurrences(
        int rowNumber, PlanTask template, string recurrence, IWorkdayCalendar calendar, Dictionary<string, int> seen, List<PlanSeries> series, List<PlanTask> result)
    {
        var (rule, error) = RecurrenceText.Parse(recurrence);
        if (rule is null)
        {
            return [$"周期{error}"];
        }

        if (template.StartsOn is not { } from)
        {
            return ["周期任务需要开始日期（第一次活动不早于这一天）"];
        }

        var (duty, tasks) = RecurringDuty.Expand(template, rule, from, calendar);
        if (tasks.Count == 0)
        {
            return [$"开始日期到截止日期之间没有「{recurrence}」的活动"];
        }

        var taken = tasks.FirstOrDefault(t => seen.ContainsKey(t.Code));
        if (taken is not null)
        {
            return [$"周期活动的编号「{taken.Code}」与第 {seen[taken.Code]} 行重复"];
        }

        foreach (var task in tasks)
        {
            seen[task.Code] = rowNumber;
        }

        series.Add(duty);
        result.AddRange(tasks);
        return [];
    }

    private static List<string> TaskErrors(PlanRow row, TaskContext context, Dictionary<string, int> seen, out PlanTask? task)
    {
        var (officeByName, personNames) = (context.OfficeByName, context.PersonNames);
        task = null;
        var reasons = new List<string>();
        var code = row.Text(PlanColumns.Code);
        if (code.Length == 0)
        {
            reasons.Add("缺少编号");
        }
        else if (code.Any(char.IsWhiteSpace))
        {
            reasons.Add($"编号「{code}」不能含空格");
        }
        else if (seen.TryGetValue(code, out var first))
        {
            reasons.Add($"编号「{code}」与第 {first} 行重复");
        }
        else
        {
            seen[code] = row.Number;
        }

        var title = row.Text(PlanColumns.Title);
        if (title.Length == 0)
        {
            reasons.Add("缺少任务名称");
        }

        var lead = row.Text(PlanColumns.LeadOffice);
        if (lead.Length == 0)
        {
            reasons.Add("缺少牵头单位");
        }
        else if (!officeByName.ContainsKey(lead))
        {
            reasons.Add(Unknown("牵头单位", lead, officeByName.Keys));
        }

        var coOffices = PlanCells.AsList(row.Text(PlanColumns.CoOffices));
        reasons.AddRange(coOffices.Where(o => !officeByName.ContainsKey(o)).Select(o => Unknown("配合单位", o, officeByName.Keys)));

        var owner = row.Text(PlanColumns.Owner);
        if (owner.Length > 0 && !personNames.Contains(owner))
        {
            reasons.Add(Unknown("责任人", owner, personNames));
        }

        var startsOn = ReadDate(row, PlanColumns.StartsOn, required: false, reasons);
        var dueOn = ReadDate(row, PlanColumns.DueOn, required: true, reasons);
        if (startsOn is { } s && dueOn is { } d && s > d)
        {
            reasons.Add("开始日期晚于截止日期");
        }

        if (dueOn is { } due && context.LatestDueOn is { } latest && due > latest)
        {
            reasons.Add($"截止日期 {due:yyyy-MM-dd} 晚于允许的最晚日期 {latest:yyyy-MM-dd}（Campaign:MaxDeadlineDaysAhead）");
        }

        if (reasons.Count == 0)
        {
            task = new PlanTask(
                code.ToUpperInvariant(),
                title,
                row.Text(PlanColumns.EvaluationItem),
                officeByName[lead],
                coOffices.Select(o => officeByName[o]).Where(o => o != officeByName[lead]).Distinct().ToList(),
                owner.Length > 0 ? owner : null,
                startsOn,
                dueOn!.Value,
                row.Text(PlanColumns.EvidenceRequired));
        }

        return reasons;
    }

    private static DateOnly? ReadDate(PlanRow row, string column, bool required, List<string> reasons)
    {
        switch (PlanCells.ReadDate(row.Raw(column), out var date))
        {
            case PlanCells.DateCell.Valid:
                return date;
            case PlanCells.DateCell.Empty:
                if (required)
                {
                    reasons.Add($"缺少{column}");
                }

                return null;
            case PlanCells.DateCell.Impossible:
                reasons.Add($"{column}「{row.Text(column)}」不存在");
                return null;
            default:
                reasons.Add($"{column}「{row.Text(column)}」无法识别（请写成 2026-06-30）");
                return null;
        }
    }
}
