namespace CampaignBot.Scheduling.Reminders;

/// <summary>A task's reminder for an office with no chat and no robot, delivered to these people's 1:1 chats (person ids).</summary>
public sealed record PeopleReach(long TaskId, long OfficeId, IReadOnlyList<long> People);
