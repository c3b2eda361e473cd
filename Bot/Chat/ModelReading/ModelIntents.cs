namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// The intents the model may name, with their slots, as sent to it. Only these: each maps to one
/// command the rules read back exactly (<see cref="ModelReadingCheck"/>); the administration commands
/// (binding a chat, robots, linking accounts, deciding requests) are never suggested by a model.
/// </summary>
public static class ModelIntents
{
    public const string Done = "done";
    public const string Extend = "extend";
    public const string Handover = "handover";
    public const string Detail = "detail";
    public const string Due = "due";
    public const string Overdue = "overdue";
    public const string OfficeTasks = "office_tasks";
    public const string Mine = "mine";
    public const string Progress = "progress";
    public const string None = "none";

    public static readonly IReadOnlyList<(string Intent, string Slots, string Meaning)> All =
    [
        (Done, "code", "the writer reports that task `code` is finished (完成)"),
        (Extend, "code, to (the new deadline, yyyy-MM-dd), reason (short, the writer's own words)", "the writer asks to move task `code`'s deadline (申请延期)"),
        (Handover, "code, person (or office: who takes the task over)", "the writer hands task `code` over to someone else (转办)"),
        (Detail, "code", "the writer asks about one task (详情)"),
        (Due, "from, to (yyyy-MM-dd, inclusive), office (optional)", "which tasks are due in a period (到期)"),
        (Overdue, "office (optional)", "which tasks are overdue (逾期)"),
        (OfficeTasks, "office", "an office's open tasks"),
        (Mine, "", "the writer's own open tasks (我的任务)"),
        (Progress, "", "the campaign's progress (进度)"),
        (None, "", "none of these, or not sure"),
    ];

    public static bool IsChange(string intent) => intent is Done or Extend or Handover;
}
