namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// Who gets an office's reminders in their 1:1 chat when the office has no group chat bound and no
/// group robot (<see cref="ReminderOptions.UnboundOfficeRecipients"/>).
/// </summary>
public enum UnboundOfficeRecipient
{
    /// <summary>Nobody: such an office stays unreached (listed by `reminders preview` and the report).</summary>
    None,

    /// <summary>The task's owner (责任人), for the office that leads it.</summary>
    Owner,

    /// <summary>The office's leads (负责人).</summary>
    Lead,

    /// <summary>Everyone of the office.</summary>
    Everyone,
}
