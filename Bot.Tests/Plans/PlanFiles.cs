using CampaignBot.Plans;
using MiniExcelLibs;

namespace CampaignBot.Tests.Plans;

/// <summary>Writes plan spreadsheets the way their authors would fill in the template.</summary>
public static class PlanFiles
{
    public static Dictionary<string, object?> Task(
        string code, string title, string lead, string due,
        string coOffices = "", string owner = "", string starts = "", string evaluation = "测评项", string evidence = "") => new()
    {
        [PlanColumns.Code] = code,
        [PlanColumns.Title] = title,
        [PlanColumns.EvaluationItem] = evaluation,
        [PlanColumns.LeadOffice] = lead,
        [PlanColumns.CoOffices] = coOffices,
        [PlanColumns.Owner] = owner,
        [PlanColumns.StartsOn] = starts,
        [PlanColumns.DueOn] = due,
        [PlanColumns.EvidenceRequired] = evidence,
    };

    public static Dictionary<string, object?> Office(string name, string kind, string aliases = "") => new()
    {
        [PlanColumns.OfficeName] = name,
        [PlanColumns.OfficeAliases] = aliases,
        [PlanColumns.OfficeKind] = kind,
    };

    public static Dictionary<string, object?> Person(string name, string office, string role, string accounts, string mobile = "", string dingTalk = "", string weCom = "") => new()
    {
        [PlanColumns.PersonName] = name,
        [PlanColumns.PersonOffice] = office,
        [PlanColumns.PersonRole] = role,
        [PlanColumns.PersonAccounts] = accounts,
        [PlanColumns.PersonMobile] = mobile,
        [PlanColumns.PersonDingTalkId] = dingTalk,
        [PlanColumns.PersonWeComId] = weCom,
    };

    public static string Xlsx(string folder, IEnumerable<Dictionary<string, object?>> tasks,
        IEnumerable<Dictionary<string, object?>>? offices = null, IEnumerable<Dictionary<string, object?>>? people = null)
    {
        var path = Path.Combine(folder, $"plan-{Guid.NewGuid():N}.xlsx");
        var sheets = new Dictionary<string, object> { [PlanColumns.TaskSheet] = tasks.ToList() };
        if (offices is not null)
        {
            sheets[PlanColumns.OfficeSheet] = offices.ToList();
        }

        if (people is not null)
        {
            sheets[PlanColumns.PeopleSheet] = people.ToList();
        }

        MiniExcel.SaveAs(path, sheets);
        return path;
    }
}
