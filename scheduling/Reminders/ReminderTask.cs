namespace CampaignBot.Scheduling.Reminders;

/// <summary>What the planner needs to know of a task.</summary>
public sealed record ReminderTask(long Id, DateOnly DueOn, long LeadOfficeId, IReadOnlyList<long> CoOfficeIds, long? OwnerId, bool IsDone);
