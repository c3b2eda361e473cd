namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// Something the bot looks at once on each send day, when the reminder run plans that day (the
/// holiday table running out): what it owes goes into the outbox with the day's reminders.
/// </summary>
public interface ISendDayCheck
{
    Task RunAsync(DateOnly sendDay, DateTimeOffset now, CancellationToken cancellationToken);
}
