namespace CampaignBot.Scheduling.Reminders;

public static class ReminderKinds
{
    public const string Escalation = "escalation";
    public const string Report = "report";

    public static string Due(int daysBefore) => $"due-{daysBefore}";

    public static string Overdue(int workday) => $"overdue-{workday}";

    public static bool IsDue(string kind) => kind.StartsWith("due-", StringComparison.Ordinal);

    public static bool IsOverdue(string kind) => kind.StartsWith("overdue-", StringComparison.Ordinal) || kind == Escalation;
}
