using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>The reminder policy and delivery limits, section "Reminders" of appsettings.json.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Run the scheduler inside the bot. Off, reminders go out only through the operator verbs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz's scheduler name; its persistent store keeps jobs and triggers under it.</summary>
    [Required]
    public string SchedulerName { get; set; } = "CampaignBot";

    /// <summary>
    /// The official holiday calendar shipped with the bot (chinese-days' JSON), relative to the
    /// binary's folder; empty: none (weekends only, plus what `workdays load` gives).
    /// </summary>
    public string OfficialCalendarFile { get; set; } = "calendar/chinese-days.json";

    /// <summary>
    /// How far ahead 稍后提醒 may snooze a task's reminder: a typo such as 9999 is refused with a
    /// reply saying the limit.
    /// </summary>
    [Range(1, 3_650)]
    public int MaxSnoozeDays { get; set; } = 60;

    /// <summary>Local time (campaign time zone) at which reminders go out on workdays.</summary>
    public TimeOnly SendTimeLocal { get; set; } = new(9, 0);

    /// <summary>
    /// Calendar days before the deadline on which the office is reminded (0 = the day itself);
    /// empty means <see cref="DefaultDaysBeforeDeadline"/>. The default is not the property's
    /// initial value because configuration binding appends to an array instead of replacing it.
    /// </summary>
    public int[] DaysBeforeDeadline { get; set; } = [];

    public static readonly IReadOnlyList<int> DefaultDaysBeforeDeadline = [7, 3, 1, 0];

    public IReadOnlyList<int> DaysBeforeDeadlineOrDefault() => DaysBeforeDeadline.Length > 0 ? DaysBeforeDeadline : DefaultDaysBeforeDeadline;

    /// <summary>
    /// Who gets an office's reminders in their 1:1 chat when no group chat is bound to the office and
    /// it has no robot; empty means <see cref="DefaultUnboundOfficeRecipients"/> (as for
    /// <see cref="DaysBeforeDeadline"/>, binding appends to an array). <c>None</c> alone: nobody.
    /// </summary>
    public UnboundOfficeRecipient[] UnboundOfficeRecipients { get; set; } = [];

    public static readonly IReadOnlyList<UnboundOfficeRecipient> DefaultUnboundOfficeRecipients = [UnboundOfficeRecipient.Owner, UnboundOfficeRecipient.Lead];

    public IReadOnlyList<UnboundOfficeRecipient> UnboundOfficeRecipientsOrDefault() =>
        UnboundOfficeRecipients.Length > 0 ? UnboundOfficeRecipients : DefaultUnboundOfficeRecipients;

    /// <summary>Workdays after the deadline on which an open task is reminded again.</summary>
    [Range(0, 30)]
    public int OverdueReminderWorkdays { get; set; } = 3;

    /// <summary>The overdue workday on which the leadership group office is told (督办); 0 = never.</summary>
    [Range(0, 30)]
    public int EscalateOnOverdueWorkday { get; set; } = 3;

    /// <summary>The weekday of the weekly progress report (通报); a holiday moves it to the next workday of that week.</summary>
    public DayOfWeek WeeklyReportDay { get; set; } = DayOfWeek.Monday;

    /// <summary>How far back a restart looks for send times it missed.</summary>
    [Range(1, 60)]
    public int CatchUpLookbackDays { get; set; } = 14;

    /// <summary>Tries per message, the first included, before it is marked failed.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; later ones grow exponentially, with jitter. A Retry-After header wins.</summary>
    [Range(1, 600_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 2_000;

    /// <summary>No single wait between tries is longer than this, whatever Retry-After says.</summary>
    [Range(1, 3_600)]
    public int MaxRetryDelaySeconds { get; set; } = 120;

    /// <summary>One try that takes longer than this is a timeout and is retried.</summary>
    [Range(1, 600)]
    public int SendTimeoutSeconds { get; set; } = 30;

    /// <summary>Messages sent at the same time to different chats.</summary>
    [Range(1, 64)]
    public int MaxParallelSends { get; set; } = 4;

    /// <summary>
    /// A dispatcher that has not renewed its lease for this long is taken to have died, and another
    /// takes over (re-sending what it left in flight). Live dispatchers renew every third of it.
    /// </summary>
    [Range(2, 3_600)]
    public int DispatchLeaseStaleSeconds { get; set; } = 30;

    /// <summary>Messages per minute to one chat (group robots allow about 20); 0 = no limit.</summary>
    [Range(0, 10_000)]
    public int PerChatMessagesPerMinute { get; set; } = 20;

    /// <summary>Messages per second over all chats; 0 = no limit.</summary>
    [Range(0, 100_000)]
    public int GlobalMessagesPerSecond { get; set; }
}
