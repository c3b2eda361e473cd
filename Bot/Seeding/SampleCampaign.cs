using CampaignBot.Ledger;
using CampaignBot.Plans;
using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Recurrence;

namespace CampaignBot.Seeding;

/// <summary>
/// The sample campaign, drawn from the 2020 mobilisation speech (../shared/seed): the offices it
/// names, a few people each, and tasks from its five working areas and its organisational
/// measures. Deadlines are placed relative to the campaign's end, and the end relative to the day
/// of seeding, so that on that day some tasks are done, some due soon and some overdue. Its
/// recurring duties (周四学习, 中心组学习, 三会一课, 我们的节日) run through the same window.
/// </summary>
public static class SampleCampaign
{
    public const string Name = "市人大常委会机关创建全国文明单位（示例）";

    /// <summary>Days from the day of seeding to the campaign's end.</summary>
    public const int DaysToEnd = 90;

    public static readonly IReadOnlyList<PlanOffice> Offices =
    [
        new("领导小组办公室", "领导小组,创建办", Office.LeadershipKind),
        new("综合组", "", "workgroup"),
        new("材料组", "", "workgroup"),
        new("行政组", "", "workgroup"),
        new("常委会办公室", "办公室", "committee"),
        new("研究室", "", "committee"),
        new("机关党委", "党委", "committee"),
        new("法制工作委员会", "法工委", "committee"),
        new("人事代表工作委员会", "人代工委", "committee"),
    ];

    public static readonly IReadOnlyList<PlanPerson> People =
    [
        new("王建国", "领导小组办公室", Roles.Coordinator, ["sample-coordinator"]),
        new("陈秀英", "领导小组办公室", Roles.Coordinator, ["sample-coordinator-2"]),
        new("刘志强", "领导小组办公室", Roles.Leader, ["sample-leader"]),
        new("李明", "综合组", Roles.Lead, ["sample-zonghe-lead"]),
        new("张伟", "综合组", Roles.Member, ["sample-zonghe"]),
        new("赵敏", "材料组", Roles.Lead, ["sample-cailiao-lead"]),
        new("孙丽", "材料组", Roles.Member, ["sample-cailiao"]),
        new("周杰", "行政组", Roles.Lead, ["sample-xingzheng-lead"]),
        new("吴芳", "行政组", Roles.Member, ["sample-xingzheng"]),
        new("郑涛", "常委会办公室", Roles.Lead, ["sample-bangongshi"]),
        new("冯静", "研究室", Roles.Lead, ["sample-yanjiushi"]),
        new("何军", "机关党委", Roles.Lead, ["sample-dangwei"]),
        new("许娜", "机关党委", Roles.Member, ["sample-dangwei-2"]),
        new("韩磊", "法制工作委员会", Roles.Lead, ["sample-fagongwei"]),
        new("曹雪", "人事代表工作委员会", Roles.Lead, ["sample-renshi"]),
    ];

    private sealed record SampleTask(
        string Code, string Title, string EvaluationItem, string Lead, string[] CoOffices, string Owner,
        int DaysBeforeEnd, bool Done, string Evidence);

    private static readonly SampleTask[] Tasks =
    [
        // 一、深化学习教育
        new("T001", "党组理论中心组每月学习研讨（上半年）", "理论学习", "机关党委", ["研究室"], "何军", 170, true, "学习记录、研讨发言材料"),
        new("T002", "周四机关集体学习制度落实记录", "理论学习", "机关党委", [], "许娜", 160, true, "签到表、学习记录、照片"),
        new("T006", "“学习强国”平台学习情况季度通报", "理论学习", "机关党委", [], "许娜", 120, true, "积分统计表、通报文件"),
        new("T007", "爱国主义宣讲和道德经典诵读活动", "思想道德建设", "研究室", ["机关党委"], "冯静", 110, true, "活动方案、照片、新闻稿"),
        new("T008", "“道德讲堂”专题活动", "思想道德建设", "综合组", [], "张伟", 105, true, "活动方案、照片、签到表"),
        new("T009", "机关干部学法用法考试", "法治建设", "法制工作委员会", [], "韩磊", 100, true, "试卷、成绩汇总"),
        new("T010", "廉政教育专题党课", "廉政建设", "机关党委", [], "何军", 99, false, "党课讲稿、照片"),
        // 二、助力“双城同创”
        new("T019", "包联责任区创城任务落实", "双城同创", "综合组", ["行政组"], "李明", 75, false, "包联台账、整改照片"),
        new("T023", "组织人大代表视察调研创城工作", "依法履职", "人事代表工作委员会", ["综合组"], "曹雪", 55, false, "视察方案、调研报告"),
        new("T024", "文明知识宣传进社区", "双城同创", "综合组", [], "张伟", 50, false, "宣传资料、照片"),
        new("T025", "法律宣传进社区志愿服务", "法治建设", "法制工作委员会", ["综合组"], "韩磊", 45, false, "活动记录、照片"),
        // 三、创新活动载体
        new("T014", "学雷锋志愿服务活动", "志愿服务", "综合组", ["机关党委"], "张伟", 89, false, "志愿者名单、服务记录、照片"),
        new("T016", "“三会一课”制度落实台账", "党建工作", "机关党委", [], "许娜", 84, false, "会议记录、台账"),
        new("T017", "“我们的节日·中秋”主题活动", "文化建设", "综合组", ["研究室"], "李明", 83, false, "活动方案、照片、新闻稿"),
        new("T018", "文明交通劝导志愿服务", "志愿服务", "行政组", ["综合组"], "周杰", 80, true, "排班表、照片"),
        new("T021", "创建节约型机关活动", "节约型机关", "行政组", [], "周杰", 65, false, "水电用量对比、倡议书"),
        new("T022", "无偿献血活动", "志愿服务", "行政组", ["机关党委"], "吴芳", 60, false, "献血名单、照片"),
        new("T026", "身边好人和道德模范评选宣传", "思想道德建设", "研究室", ["常委会办公室"], "冯静", 40, false, "评选办法、宣传报道"),
        new("T029", "“红旗高扬”示范党支部建设", "党建工作", "机关党委", [], "何军", 25, false, "建设方案、自评报告"),
        new("T030", "驻村第一书记和乡村振兴服务队工作总结", "服务基层", "人事代表工作委员会", [], "曹雪", 20, false, "工作总结、照片"),
        new("T031", "创先争优活动评选表彰", "创先争优", "综合组", ["机关党委"], "李明", 15, false, "表彰决定、先进事迹"),
        // 四、夯实工作基础
        new("T011", "门户网站开设创建活动专栏", "宣传氛围", "常委会办公室", ["材料组"], "郑涛", 94, false, "网页截图、专栏链接"),
        new("T013", "测评资料收集整理与台账装订（第一批）", "资料台账", "材料组", ["综合组"], "孙丽", 90, false, "台账目录、装订成册照片"),
        new("T015", "机关卫生环境集中整治", "环境建设", "行政组", [], "吴芳", 87, false, "整治前后照片"),
        new("T020", "微信公众号发布创建工作动态", "宣传氛围", "常委会办公室", [], "郑涛", 70, false, "推文链接、阅读量统计"),
        new("T027", "《X人大》杂志开设创建专题", "宣传氛围", "研究室", [], "冯静", 35, false, "杂志样刊"),
        new("T028", "完善文体活动场所", "阵地建设", "行政组", [], "周杰", 30, false, "场所照片、设施清单"),
        new("T032", "照片音像资料分类归档", "资料台账", "材料组", [], "孙丽", 12, false, "归档目录"),
        new("T035", "测评资料收集整理与台账装订（终验）", "资料台账", "材料组", ["综合组", "常委会办公室"], "赵敏", 5, false, "台账目录、装订成册照片"),
        // 五、推进依法履职
        new("T036", "创建工作与常委会重点工作结合情况总结", "依法履职", "材料组", ["领导小组办公室"], "赵敏", 2, false, "总结报告"),
        // 精心组织实施：压实责任、健全机制、强化协作
        new("T003", "调整创建工作领导小组并印发实施方案", "创建工作机制", "领导小组办公室", [], "王建国", 150, true, "调整通知、实施方案"),
        new("T004", "建立创建工作台账和责任清单", "创建工作机制", "领导小组办公室", ["综合组"], "陈秀英", 140, true, "工作台账、责任清单"),
        new("T005", "建立通报反馈和督查考核制度", "创建工作机制", "综合组", ["领导小组办公室"], "李明", 130, true, "制度文件"),
        new("T012", "向市文明办报告创建工作进展（第三季度）", "创建工作机制", "领导小组办公室", ["材料组"], "王建国", 91, false, "报告文件、报送记录"),
        new("T033", "学习借鉴全国文明单位经验交流", "创建工作机制", "领导小组办公室", ["综合组"], "陈秀英", 10, false, "交流纪要、照片"),
        new("T034", "创建工作纳入年度目标考核", "创建工作机制", "领导小组办公室", [], "王建国", 7, false, "考核办法"),
        new("T037", "迎接全国文明单位考核验收", "创建工作机制", "领导小组办公室", ["综合组", "材料组", "行政组"], "王建国", 0, false, "迎检方案、资料清单"),
    ];

    /// <summary>The codes of the sample's one-off tasks, by which removal tells the sample from real tasks.</summary>
    public static IEnumerable<string> TaskCodes => Tasks.Select(t => t.Code);

    /// <summary>The sample's tasks as seeded (code, title): a task with a sample code but another title was imported over it.</summary>
    public static IEnumerable<(string Code, string Title)> TaskTitles => Tasks.Select(t => (t.Code, t.Title));

    /// <summary>The codes of the sample's recurring duties (their occurrences are coded S02-260618 …).</summary>
    public static IEnumerable<string> SeriesCodes => Duties.Select(d => d.Code);

    private sealed record SampleDuty(string Code, string Title, string EvaluationItem, string Lead, string[] CoOffices, string Owner, string Rule, string Evidence);

    /// <summary>The speech's recurring duties: 每月学习研讨、周四机关集体学习、三会一课、我们的节日.</summary>
    private static readonly SampleDuty[] Duties =
    [
        new("S01", "理论学习中心组学习", "理论学习", "机关党委", ["领导小组办公室"], "何军", "每月最后一个工作日", "学习记录、签到表"),
        new("S02", "机关干部集体学习（周四学习）", "理论学习", "机关党委", [], "许娜", "每周四", "签到表、学习笔记"),
        new("S03", "支部党员大会（三会一课）", "党建工作", "机关党委", [], "何军", "每季度", "会议记录"),
        new("S04", "我们的节日·春节主题活动", "我们的节日", "综合组", ["机关党委"], "张伟", "每年春节，提前7天", "活动方案、照片"),
        new("S05", "我们的节日·端午主题活动", "我们的节日", "综合组", ["机关党委"], "张伟", "每年端午，提前7天", "活动方案、照片"),
        new("S06", "我们的节日·中秋主题活动", "我们的节日", "综合组", ["机关党委"], "张伟", "每年中秋，提前7天", "活动方案、照片"),
        new("S07", "我们的节日·重阳主题活动", "我们的节日", "行政组", ["机关党委"], "周杰", "每年重阳，提前7天", "活动方案、照片"),
    ];

    /// <summary>Days before the day of seeding from which the duties' events are in the ledger (those before it were held).</summary>
    public const int DutiesFromDaysBefore = 90;

    /// <summary>
    /// The recurring duties' series and occurrences from <see cref="DutiesFromDaysBefore"/> days
    /// before the day of seeding to the campaign's end; a festival outside that window has none.
    /// Occurrences due before the day of seeding are shown as held (<see cref="HeldDuties"/>).
    /// </summary>
    public static (IReadOnlyList<PlanSeries> Series, IReadOnlyList<PlanTask> Tasks) RecurringDuties(DateOnly seedDay, IWorkdayCalendar calendar)
    {
        var from = seedDay.AddDays(-DutiesFromDaysBefore);
        var end = seedDay.AddDays(DaysToEnd);
        var expanded = Duties
            .Select(d => RecurringDuty.Expand(
                new PlanTask(d.Code, d.Title, d.EvaluationItem, d.Lead, d.CoOffices, d.Owner, from, end, d.Evidence),
                RecurrenceText.Parse(d.Rule).Rule!, from, calendar))
            .Where(d => d.Tasks.Count > 0)
            .ToList();
        return (expanded.Select(d => d.Series).ToList(), expanded.SelectMany(d => d.Tasks).ToList());
    }

    /// <summary>The duties' occurrences that the sample shows as held: those due before the day of seeding.</summary>
    public static IEnumerable<PlanTask> HeldDuties(IEnumerable<PlanTask> occurrences, DateOnly seedDay) =>
        occurrences.Where(t => t.SeriesCode is not null && t.DueOn < seedDay);

    public static Plan Build(DateOnly seedDay)
    {
        var end = seedDay.AddDays(DaysToEnd);
        var tasks = Tasks
            .OrderBy(t => t.Code, StringComparer.Ordinal)
            .Select(t =>
            {
                var due = Workday(end.AddDays(-t.DaysBeforeEnd));
                return new PlanTask(t.Code, t.Title, t.EvaluationItem, t.Lead, t.CoOffices, t.Owner, due.AddDays(-30), due, t.Evidence);
            })
            .ToList();
        return new Plan(Offices, People, tasks);
    }

    /// <summary>Plans do not set deadlines on weekends: a Saturday or Sunday moves back to Friday.</summary>
    private static DateOnly Workday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };

    /// <summary>The tasks that the sample shows as already done, with the day each was finished.</summary>
    public static IEnumerable<(string Code, DateOnly DoneOn)> Completed(DateOnly seedDay)
    {
        var end = seedDay.AddDays(DaysToEnd);
        foreach (var task in Tasks.Where(t => t.Done))
        {
            var due = Workday(end.AddDays(-task.DaysBeforeEnd));
            yield return (task.Code, due < seedDay ? due.AddDays(-1) : seedDay.AddDays(-1));
        }
    }
}
