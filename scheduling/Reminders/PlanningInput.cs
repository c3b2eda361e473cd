using CampaignBot.Scheduling.Calendar;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>What the planner reads: open tasks, where reminders can go, and the workday calendar.</summary>
public sealed record PlanningInput(IReadOnlyList<ReminderTask> Tasks, ReminderTargets Targets, IWorkdayCalendar Calendar)
{
    /// <summary>Reminders of earlier send days that had no chat to go to (see <see cref="UnreachedReminder"/>).</summary>
    public IReadOnlyList<UnreachedReminder> Unreached { get; init; } = [];
}
