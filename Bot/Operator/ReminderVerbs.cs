using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Operator;

/// <summary>`reminders preview` and `reminders run`: what the scheduler would send, and sending it by hand.</summary>
public static class ReminderVerbs
{
    public static Command Command(IServiceProvider services)
    {
        var clock = services.GetRequiredService<CampaignClock>();
        var previewAt = AtOption(clock);
        var preview = new Command("preview", "show the reminders of the send time at or before a moment, per chat, and those no chat or robot would get, per office; sends nothing")
        {
            previewAt,
        };
        preview.SetVerbAction(services, (parsed, output) => PreviewAsync(services, parsed.GetValue(previewAt) ?? clock.UtcNow, output));
        var runAt = AtOption(clock);
        var run = new Command("run", "send the reminders due by a moment (a missed send time is made up), and say which offices nothing reaches")
        {
            runAt,
        };
        run.SetVerbAction(services, (parsed, output) => RunAsync(services, parsed.GetValue(runAt) ?? clock.UtcNow, output));
        return new Command("reminders", "the reminders the scheduler sends") { preview, run };
    }

    /// <summary>`--at`: ISO 8601, e.g. 2026-06-01T09:00+08:00; without an offset, in the campaign's time zone.</summary>
    private static Option<DateTimeOffset?> AtOption(CampaignClock clock) => new("--at")
    {
        Description = "the moment (default: now); ISO 8601, e.g. 2026-06-01T09:00+08:00 (without an offset: the campaign's time zone)",
        HelpName = "moment",
        CustomParser = result => ParseMoment(result, clock),
    };

    private static DateTimeOffset? ParseMoment(ArgumentResult result, CampaignClock clock)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && HasOffset(text))
        {
            return parsed.ToUniversalTime();
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
        }

        result.AddError($"'{text}' is not a moment: write it as ISO 8601, e.g. 2026-06-01T09:00+08:00");
        return null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");

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
            return OperatorVerbs.Done;
        }

        var plan = cycle.Plan([day], input, SendSchedule.LocalDay(at, clock.Zone));
        var tasks = (await services.GetRequiredService<TaskRepository>().AllAsync()).ToDictionary(t => t.Id);
        var sendAt = TimeZoneInfo.ConvertTime(SendSchedule.SendInstant(day, policy.SendTimeLocal, clock.Zone), clock.Zone);
        var targets = plan.Reminders.GroupBy(r => r.Reminder.Target).ToList();
        await output.WriteLineAsync($"send time {sendAt.ToString("yyyy-MM-dd ddd HH:mm zzz", CultureInfo.InvariantCulture)} ({clock.Zone.Id}): {plan.Reminders.Count} reminder(s) to {targets.Count} chat(s)");
        foreach (var target in targets)
        {
            await output.WriteLineAsync(target.Key.Key);
            foreach (var r in target.OrderBy(r => r.Reminder.Occurrence))
            {
                var label = r.Reminder.TaskId is { } id ? $"{tasks[id].Code} {tasks[id].Title} (due {r.Reminder.Occurrence:yyyy-MM-dd}, {tasks[id].LeadOfficeName})" : "weekly report";
                await output.WriteLineAsync($"  {r.Reminder.Kind,-12} {label}");
            }
        }

        await UnreachedAsync(services, plan.Unreached, output);
        await ThroughPeopleAsync(services, plan.ThroughPeople, output);
        return OperatorVerbs.Done;
    }

    public static async Task<int> RunAsync(IServiceProvider services, DateTimeOffset at, TextWriter output)
    {
        var result = await services.GetRequiredService<ReminderCycle>().RunAsync(at, CancellationToken.None);
        var d = result.Dispatch;
        await output.WriteLineAsync(
            $"planned {result.Plan.Days.Count} send day(s), {result.Enqueued} new reminder(s), {result.Plan.Dropped} stale dropped; " +
            $"messages sent {d.Sent}, failed {d.Failed}, cancelled {d.Cancelled}, chats gone {d.Gone}");
        await UnreachedAsync(services, result.Plan.Unreached, output);
        await ThroughPeopleAsync(services, result.Plan.ThroughPeople, output);
        return d.Failed == 0 ? OperatorVerbs.Done : OperatorVerbs.Refused;
    }

    /// <summary>Per office, the reminders that have no chat or robot to go to, and how to give them one.</summary>
    private static async Task UnreachedAsync(IServiceProvider services, IReadOnlyList<UnreachedReminder> unreached, TextWriter output)
    {
        if (unreached.Count == 0)
        {
            return;
        }

        var offices = (await services.GetRequiredService<DirectoryRepository>().OfficesAsync()).ToDictionary(o => o.Id, o => o.Name);
        var tasks = (await services.GetRequiredService<TaskRepository>().ByIdsAsync(unreached.Select(u => u.TaskId).Distinct(), CancellationToken.None)).ToDictionary(t => t.Id);
        var byOffice = unreached.GroupBy(u => u.OfficeId).OrderBy(g => g.Key).ToList();
        await output.WriteLineAsync($"no chat or robot to go to: {unreached.Count} reminder(s) for {byOffice.Count} office(s) (bind a chat with 「本群绑定 <单位>」, add a robot, or have the owners or the office's lead send the bot a message in a 1:1 chat; what still helps goes at the next send time)");
        foreach (var office in byOffice)
        {
            await output.WriteLineAsync($"{offices[office.Key]}: {office.Count()} reminder(s)");
            foreach (var u in office.OrderBy(u => u.Occurrence).ThenBy(u => tasks[u.TaskId].Code, StringComparer.Ordinal))
            {
                await output.WriteLineAsync($"  {u.Kind,-12} {tasks[u.TaskId].Code} {tasks[u.TaskId].Title} (due {u.Occurrence:yyyy-MM-dd})");
            }
        }
    }

    /// <summary>Per office with no chat of its own, the people whose 1:1 chats its reminders reach: it is reached, through them.</summary>
    private static async Task ThroughPeopleAsync(IServiceProvider services, IReadOnlyList<PeopleReach> reached, TextWriter output)
    {
        if (reached.Count == 0)
        {
            return;
        }

        var directory = services.GetRequiredService<DirectoryRepository>();
        var offices = (await directory.OfficesAsync()).ToDictionary(o => o.Id, o => o.Name);
        var people = (await directory.PeopleAsync()).ToDictionary(p => p.Id, p => p.Name);
        var byOffice = reached.GroupBy(r => r.OfficeId).OrderBy(g => g.Key).ToList();
        await output.WriteLineAsync($"通过个人会话送达 (reached through people's 1:1 chats, no chat bound): {byOffice.Count} office(s)");
        foreach (var office in byOffice)
        {
            var names = office.SelectMany(r => r.People).Distinct().Select(id => people.GetValueOrDefault(id, $"#{id}"));
            await output.WriteLineAsync($"{offices[office.Key]}: {office.Count()} reminder(s) to {string.Join("、", names)}");
        }
    }
}
