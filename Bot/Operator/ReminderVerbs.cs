using System.Globalization;
using CampaignBot.Data.Repositories;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Operator;

/// <summary>`reminders preview` and `reminders run`: what the scheduler would send, and sending it by hand.</summary>
public static class ReminderVerbs
{
    public static async Task<int> PreviewAsync(IServiceProvider services, DateTimeOffset at, TextWriter output)
    {
        var cycle = services.GetRequiredService<ReminderCycle>();
        var store = services.GetRequiredService<IReminderStore>();
        var clock = services.GetRequiredService<CampaignClock>();
        var policy = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReminderOptions>>().Value;
        var input = await store.LoadPlanningInputAsync(CancellationToken.None);
        var day = SendSchedule.PassedSendDays(at, policy.CatchUpLookbackDays, policy.SendTimeLocal, clock.Zone, input.Calendar).FirstOrDefault();
        if (day == default)
        {
            await output.WriteLineAsync($"{at:O}: no send time in the last {policy.CatchUpLookbackDays} days.");
            return 0;
        }

        var plan = cycle.Plan([day], input, SendSchedule.LocalDay(at, clock.Zone));
        var tasks = (await services.GetRequiredService<TaskRepository>().AllAsync()).ToDictionary(t => t.Id);
        var sendAt = TimeZoneInfo.ConvertTime(SendSchedule.SendInstant(day, policy.SendTimeLocal, clock.Zone), clock.Zone);
        var targets = plan.Reminders.GroupBy(r => r.Reminder.Target).ToList();
        await output.WriteLineAsync($"send time {sendAt.ToString("yyyy-MM-dd ddd HH:mm zzz", CultureInfo.InvariantCulture)} ({clock.Zone.Id}): {plan.Reminders.Count} reminder(s) to {targets.Count} chat(s)");
        foreach (var target in targets)
        {
            await output.WriteLineAsync(target.Key);
            foreach (var r in target.OrderBy(r => r.Reminder.Occurrence))
            {
                var label = r.Reminder.TaskId is { } id ? $"{tasks[id].Code} {tasks[id].Title} (due {r.Reminder.Occurrence:yyyy-MM-dd}, {tasks[id].LeadOfficeName})" : "weekly report";
                await output.WriteLineAsync($"  {r.Reminder.Kind,-12} {label}");
            }
        }

        return 0;
    }

    public static async Task<int> RunAsync(IServiceProvider services, DateTimeOffset at, TextWriter output)
    {
        var result = await services.GetRequiredService<ReminderCycle>().RunAsync(at, CancellationToken.None);
        var d = result.Dispatch;
        await output.WriteLineAsync(
            $"planned {result.Plan.Days.Count} send day(s), {result.Enqueued} new reminder(s), {result.Plan.Dropped} stale dropped; " +
            $"messages sent {d.Sent}, failed {d.Failed}, cancelled {d.Cancelled}, chats gone {d.Gone}");
        return d.Failed == 0 ? 0 : 1;
    }
}
