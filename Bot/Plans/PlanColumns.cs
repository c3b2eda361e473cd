using CampaignBot.Ledger;

namespace CampaignBot.Plans;

/// <summary>
/// The import template (docs/plan-template.md): sheet and column names as the plan's authors write
/// them, in Chinese. Export writes the same names, so an exported ledger can be imported again.
/// </summary>
public static class PlanColumns
{
    public const string TaskSheet = "任务";
    public const string OfficeSheet = "单位";
    public const string PeopleSheet = "人员";

    public const string Code = "编号";
    public const string Title = "任务";
    public const string EvaluationItem = "测评项目";
    public const string LeadOffice = "牵头单位";
    public const string CoOffices = "配合单位";
    public const string Owner = "责任人";
    public const string StartsOn = "开始日期";
    public const string DueOn = "截止日期";
    public const string EvidenceRequired = "佐证材料";

    /// <summary>How a duty repeats (每周四, 每月最后一个工作日, 每年端午，提前7天 …); empty for a one-off task.</summary>
    public const string Recurrence = "周期";

    // Columns only the export writes; import ignores them.
    public const string Status = "状态";
    public const string DoneAt = "完成时间";
    public const string DoneBy = "完成人";
    public const string EvidenceCount = "已有佐证";

    public const string OfficeName = "名称";
    public const string OfficeAliases = "简称";
    public const string OfficeKind = "类型";

    public const string PersonName = "姓名";
    public const string PersonOffice = "单位";
    public const string PersonRole = "角色";
    public const string PersonAccounts = "账号";
    public const string PersonMobile = "手机";
    public const string PersonDingTalkId = "钉钉ID";
    public const string PersonWeComId = "企业微信ID";

    public static readonly IReadOnlyList<string> TaskColumns =
        [Code, Title, EvaluationItem, LeadOffice, CoOffices, Owner, StartsOn, DueOn, EvidenceRequired];

    /// <summary>Role names in the sheet (Chinese) and in the database.</summary>
    public static readonly IReadOnlyDictionary<string, string> RolesByLabel = new Dictionary<string, string>
    {
        ["成员"] = Roles.Member,
        ["负责人"] = Roles.Lead,
        ["协调员"] = Roles.Coordinator,
        ["领导"] = Roles.Leader,
        [Roles.Member] = Roles.Member,
        [Roles.Lead] = Roles.Lead,
        [Roles.Coordinator] = Roles.Coordinator,
        [Roles.Leader] = Roles.Leader,
    };

    public static readonly IReadOnlyDictionary<string, string> KindsByLabel = new Dictionary<string, string>
    {
        ["领导小组办公室"] = Office.LeadershipKind,
        ["工作组"] = "workgroup",
        ["委室"] = "committee",
        [Office.LeadershipKind] = Office.LeadershipKind,
        ["workgroup"] = "workgroup",
        ["committee"] = "committee",
    };

    public static string RoleLabel(string role) => RolesByLabel.First(p => p.Value == role && p.Key != role).Key;

    public static string KindLabel(string kind) => KindsByLabel.FirstOrDefault(p => p.Value == kind && p.Key != kind).Key ?? kind;

    /// <summary>Separators people use between several offices or accounts in one cell.</summary>
    public static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '/', ' '];
}
