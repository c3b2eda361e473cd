using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CampaignBot.Chat.Outgoing;
using CampaignBot.DirectLine;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Robots;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;
using Microsoft.Extensions.Options;

namespace CampaignBot.Operator;

/// <summary>`reminders preview` and `reminders run`: what the scheduler would send, and sending it by hand.</summary>
public static class ReminderVerbs
{
    /// <summary>How far ahead the preview looks for the next send time (a month covers the longest holiday).</summary>
    private const int LookaheadDays = 31;

    /// <summary>How long `reminders run` waits for the running bot to answer before saying it cannot be reached.</summary>
    private static readonly TimeSpan BotProbeTimeout = TimeSpan.FromSeconds(5);

    public static Command Command(IServiceProvider services)
    {
        var clock = services.GetRequiredService<CampaignClock>();
        var previewAt = AtOption(clock, "the send time at or before this moment (default: the next send time); ");
        var preview = new Command("preview", "show what the next send time (or the one at --at) holds, per chat, with the weekly report's text, and what no chat or robot would get, per office; sends nothing")
        {
            previewAt,
        };
        preview.SetVerbAction(services, (parsed, output) => PreviewAsync(services, parsed.GetValue(previewAt), output));
        var runAt = AtOption(clock, "send what is due by this moment (default: now); ");
        var run = new Command("run", "send the reminders due by a moment through the running bot (a missed send time is made up), and say which offices nothing reaches")
        {
            runAt,
        };
        run.SetVerbAction(services, (parsed, output) => RunAsync(services, parsed.GetValue(runAt) ?? clock.UtcNow, output));
        return new Command("reminders", "the reminders the scheduler sends") { preview, run };
    }

    /// <summary>`--at`: ISO 8601, e.g. 2026-06-01T09:00+08:00; without an offset, in the campaign's time zone.</summary>
    private static Option<DateTimeOffset?> AtOption(CampaignClock clock, string meaning) => new("--at")
    {
        Description = meaning + "ISO 8601, e.g. 2026-06-01T09:00+08:00 (without an offset: the campaign's time zone)",
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

    /// <summary>
    /// What a send time holds: without a moment the next one (what is about to go), with one the send
    /// time at or before it. Reminders per chat in words, the report's text, and the offices nothing reaches.
    /// </summary>
    public static async Task<int> PreviewAsync(IServiceProvider services, DateTimeOffset? at, TextWriter output)
    {
        var texts = OperatorTexts.For(services);
        var cycle = services.GetRequiredService<ReminderCycle>();
        var clock = services.GetRequiredService<CampaignClock>();
        var policy = services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        var input = await services.GetRequiredService<IReminderStore>().LoadPlanningInputAsync(CancellationToken.None);
        DateOnly? day = at is { } moment
            ? SendSchedule.PassedSendDays(moment, policy.CatchUpLookbackDays, policy.SendTimeLocal, clock.Zone, input.Calendar).Select(d => (DateOnly?)d).FirstOrDefault()
            : SendSchedule.NextSendDay(clock.UtcNow, LookaheadDays, policy.SendTimeLocal, clock.Zone, input.Calendar);
        if (day is not { } sendDay)
        {
            await output.WriteLineAsync(at is null ? texts.NoSendTimeAfter(LookaheadDays) : texts.NoSendTimeBefore(policy.CatchUpLookbackDays));
            return OperatorVerbs.Done;
        }

        // The next send time's reminders are those that will still help on that day.
        var plan = cycle.Plan([sendDay], input, at is { } asked ? SendSchedule.LocalDay(asked, clock.Zone) : sendDay);
        var sendAt = SendSchedule.SendInstant(sendDay, policy.SendTimeLocal, clock.Zone);
        var targets = plan.Reminders.GroupBy(r => r.Reminder.Target).ToList();
        await output.WriteLineAsync(texts.PreviewHeader(texts.SendTime(TimeZoneInfo.ConvertTime(sendAt, clock.Zone), clock.Zone.Id), at is null, plan.Reminders.Count, targets.Count));
        var tasks = (await services.GetRequiredService<TaskRepository>().ByIdsAsync(
            plan.Reminders.Where(r => r.Reminder.TaskId is not null).Select(r => r.Reminder.TaskId!.Value).Distinct(), CancellationToken.None)).ToDictionary(t => t.Id);
        string? report = null;
        foreach (var target in targets)
        {
            await output.WriteLineAsync(await DescribeAsync(services, texts, target.Key));
            foreach (var r in target.OrderBy(r => r.Reminder.TaskId is null ? 0 : 1).ThenBy(r => r.Reminder.Occurrence).ThenBy(r => r.Reminder.TaskId))
            {
                if (r.Reminder.TaskId is not { } id)
                {
                    // The report is written when it is sent, from the ledger as it is then; this is how it reads now.
                    report ??= (await services.GetRequiredService<WeeklyReportWriter>().WriteAsync(
                        texts.Replies.On(clock.Today), sendDay, clock.UtcNow, withChart: false, CancellationToken.None)).Header;
                    await output.WriteLineAsync(texts.ReportFollows);
                    foreach (var line in report.Split('\n'))
                    {
                        await output.WriteLineAsync("    " + line);
                    }

                    continue;
                }

                var task = tasks[id];
                await output.WriteLineAsync(texts.ReminderLine(texts.Kind(r.Reminder.Kind), task.Code, task.Title, r.Reminder.Occurrence, task.LeadOfficeName));
            }
        }

        await UnreachedAsync(services, texts, plan.Unreached, output);
        await ThroughPeopleAsync(services, texts, plan.ThroughPeople, output);
        return OperatorVerbs.Done;
    }

    /// <summary>
    /// Plans and sends what is due. Web Chat's messages go through the running bot (its embedded
    /// channel keeps the conversations): when the bot is in any Web Chat conversation and cannot be
    /// reached, nothing is planned or sent, and one line says which setting names its address.
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, DateTimeOffset at, TextWriter output)
    {
        var texts = OperatorTexts.For(services);
        if (await services.GetRequiredService<ConversationRepository>().AnyLiveAsync(DirectLineChannel.ChannelId)
            && services.GetRequiredService<EmbeddedConnector>().CurrentRoot is var root
            && (root is null || !await AnswersAsync(root)))
        {
            await output.WriteLineAsync(texts.BotUnreachable(root ?? "(Urls)"));
            return OperatorVerbs.Unavailable;
        }

        var result = await services.GetRequiredService<ReminderCycle>().RunAsync(at, CancellationToken.None);
        var d = result.Dispatch;
        await output.WriteLineAsync(texts.RunSummary(result.Plan.Days.Count, result.Enqueued, result.Plan.Dropped));
        await output.WriteLineAsync(texts.Delivered(d.Sent, d.Failed, d.Cancelled, d.Gone));
        await UnreachedAsync(services, texts, result.Plan.Unreached, output);
        await ThroughPeopleAsync(services, texts, result.Plan.ThroughPeople, output);
        return d.Failed == 0 ? OperatorVerbs.Done : OperatorVerbs.Refused;
    }

    /// <summary>Whether anything answers HTTP at the bot's address (its health endpoint; any status will do).</summary>
    private static async Task<bool> AnswersAsync(string root)
    {
        using var http = new HttpClient { Timeout = BotProbeTimeout };
        try
        {
            using var _ = await http.GetAsync(new Uri(new Uri(root), "healthz"));
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<string> DescribeAsync(IServiceProvider services, OperatorTexts texts, MessageTarget target) => target switch
    {
        ChatTarget chat => texts.Chat(await services.GetRequiredService<ConversationRepository>().FindAsync(chat.ChannelId, chat.ConversationId), chat.ConversationId),
        RobotTarget robot => texts.Robot(await services.GetRequiredService<RobotRepository>().FindAsync(robot.RobotId), robot.RobotId),
        _ => target.Key,
    };

    /// <summary>
    /// Per office, the tasks whose reminders have no chat or robot to go to, and how to give them one:
    /// each task once, with its latest reminder (a catch-up run plans several days of the same task).
    /// </summary>
    private static async Task UnreachedAsync(IServiceProvider services, OperatorTexts texts, IReadOnlyList<UnreachedReminder> unreached, TextWriter output)
    {
        if (unreached.Count == 0)
        {
            return;
        }

        var offices = (await services.GetRequiredService<DirectoryRepository>().OfficesAsync()).ToDictionary(o => o.Id, o => o.Name);
        var tasks = (await services.GetRequiredService<TaskRepository>().ByIdsAsync(unreached.Select(u => u.TaskId).Distinct(), CancellationToken.None)).ToDictionary(t => t.Id);
        var byOffice = unreached.GroupBy(u => u.OfficeId).OrderBy(g => g.Key)
            .Select(g => (Office: g.Key, Tasks: g.GroupBy(u => u.TaskId).Select(t => t.MaxBy(u => u.SendDay)!)
                .OrderBy(u => u.Occurrence).ThenBy(u => tasks[u.TaskId].Code, StringComparer.Ordinal).ToList()))
            .ToList();
        await output.WriteLineAsync(texts.Unreached(unreached.Select(u => u.TaskId).Distinct().Count(), byOffice.Count));
        foreach (var (office, latest) in byOffice)
        {
            await output.WriteLineAsync(texts.UnreachedOffice(offices[office], latest.Count));
            foreach (var u in latest)
            {
                await output.WriteLineAsync(texts.UnreachedTask(texts.Kind(u.Kind), tasks[u.TaskId].Code, tasks[u.TaskId].Title, u.Occurrence));
            }
        }
    }

    /// <summary>Per office with no chat of its own, the people whose 1:1 chats its reminders reach: it is reached, through them.</summary>
    private static async Task ThroughPeopleAsync(IServiceProvider services, OperatorTexts texts, IReadOnlyList<PeopleReach> reached, TextWriter output)
    {
        if (reached.Count == 0)
        {
            return;
        }

        var directory = services.GetRequiredService<DirectoryRepository>();
        var offices = (await directory.OfficesAsync()).ToDictionary(o => o.Id, o => o.Name);
        var people = (await directory.PeopleAsync()).ToDictionary(p => p.Id, p => p.Name);
        var byOffice = reached.GroupBy(r => r.OfficeId).OrderBy(g => g.Key).ToList();
        await output.WriteLineAsync(texts.ThroughPeople(byOffice.Count));
        foreach (var office in byOffice)
        {
            var names = office.SelectMany(r => r.People).Distinct().Select(id => people.GetValueOrDefault(id, $"#{id}")).ToList();
            await output.WriteLineAsync(texts.ThroughPeopleOffice(offices[office.Key], office.Count(), names));
        }
    }
}
